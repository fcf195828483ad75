-- Every indicator of every framework, in the framework's own order, with the framework's name.
with indicators as (
    select i.*, f.position as framework_position, f.name_id as framework_name_id, f.name_en as framework_name_en
    from framework_indicator as i
    inner join framework as f using (framework_id)
),

final as (
    select
        indicator_id, framework_id, framework_position, framework_name_id, framework_name_en, position,
        dimension_id, dimension_en, label_id, label_en, description_id, description_en
    from indicators
)

select * from final
order by framework_position, position
