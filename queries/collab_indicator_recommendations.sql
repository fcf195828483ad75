-- The research's recommendations per indicator, each quoted from the text that makes it.
with recommendations as (
    select r.*, s.short as source_short
    from indicator_recommendation as r
    inner join source as s using (source_id)
),

final as (
    select indicator_id, text_id, text_en, quote, source_short, locator
    from recommendations
)

select * from final
order by indicator_id, source_short
