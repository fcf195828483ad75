-- Every published figure, for the measures the build takes from them.
with final as (
    select *
    from published_figure
)

select * from final
order by figure_id
