-- The caller-ID look-up runs on every incoming call. Through a PL/pgSQL function its six-table
-- plan is kept between calls on a connection instead of being planned each time, and the
-- customer's phones come back in the same round trip.

CREATE FUNCTION customers_by_phone(p_phone text, p_prefix text, p_limit integer)
RETURNS TABLE (
  id uuid, account_no text, name text, customer_class text, industry text, voltage_level text,
  tariff_category text, id_type text, id_no text, addr_city text, addr_county text,
  addr_street text, addr_detail text, lat double precision, lng double precision, email text,
  wechat_id text, meter_no text, annual_kwh integer, is_important boolean,
  is_high_risk boolean, is_sensitive boolean, sensitive_reason text, is_vip boolean,
  arrears_fen bigint, arrears_since date, consent_messages boolean, consent_at timestamptz,
  status text, org_id uuid, province_id uuid, transformer_id uuid, version integer,
  created_at timestamptz, updated_at timestamptz, unit_name text, unit_path text,
  t_code text, t_name text, t_area text, f_id uuid, f_code text, f_name text,
  s_id uuid, s_code text, s_name text, phones jsonb
)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT c.id, c.account_no, c.name, c.customer_class, c.industry, c.voltage_level,
         c.tariff_category, c.id_type, c.id_no, c.addr_city, c.addr_county, c.addr_street,
         c.addr_detail, c.lat, c.lng, c.email, c.wechat_id, c.meter_no, c.annual_kwh,
         c.is_important, c.is_high_risk, c.is_sensitive, c.sensitive_reason, c.is_vip,
         c.arrears_fen, c.arrears_since, c.consent_messages, c.consent_at, c.status, c.org_id,
         c.province_id, c.transformer_id, c.version, c.created_at, c.updated_at,
         o.name, o.path, t.code, t.name, t.area_class, f.id, f.code, f.name,
         s.id, s.code, s.name,
         (SELECT jsonb_agg(jsonb_build_object('phone', p.phone, 'label', p.label)
                           ORDER BY p.position)
            FROM customer_phones p WHERE p.customer_id = c.id)
  FROM customer_phones hit
  JOIN customers c ON c.id = hit.customer_id
  JOIN org_units o ON o.id = c.org_id
  LEFT JOIN grid_transformers t ON t.id = c.transformer_id
  LEFT JOIN grid_feeders f ON f.id = t.feeder_id
  LEFT JOIN grid_substations s ON s.id = f.substation_id
  WHERE hit.phone = p_phone AND o.path LIKE p_prefix || '%'
  ORDER BY c.account_no
  LIMIT p_limit;
END
$$;
