-- The collaboration frameworks, in display order, with the text that applies each.
with frameworks as (
    select f.*, s.short as source_short
    from framework as f
    inner join source as s using (source_id)
),

final as (
    select framework_id, position, name_id, name_en, description_id, description_en, source_short, locator
    from frameworks
)

select * from final
order by position
