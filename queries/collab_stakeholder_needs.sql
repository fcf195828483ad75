-- Who needs what from whom in a region: the edges of the dependency network.
with needs as (
    select * from stakeholder_need where kode_kab = $kode_kab
),

named as (
    select
        n.*, needer.short_name as needer, provider.short_name as provider, s.short as source_short
    from needs as n
    inner join stakeholder as needer on needer.stakeholder_id = n.needer_id
    inner join stakeholder as provider on provider.stakeholder_id = n.provider_id
    inner join source as s on s.source_id = n.source_id
),

final as (
    select needer_id, needer, provider_id, provider, need_id, need_en, source_short, locator, quote
    from named
)

select * from final
order by needer_id, provider_id
