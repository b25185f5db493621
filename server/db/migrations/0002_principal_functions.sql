-- The caller of every request is read by one of these two functions. PL/pgSQL keeps the plan of
-- its query between calls on a connection, which halves the cost of the hottest query of all
-- (measured on PGlite: 590 µs planned each time, 280 µs through the function).

CREATE FUNCTION session_principal(p_session_id text)
RETURNS TABLE (
  session_id text, csrf_token text, expires_at timestamptz, last_seen_at timestamptz,
  user_id uuid, username text, display_name text, roles text[], disabled boolean,
  must_change_password boolean, phone text, email text, last_login_at timestamptz,
  unit_id uuid, unit_name text, unit_level text, unit_path text, province_id uuid
)
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY
  SELECT s.id, s.csrf_token, s.expires_at, s.last_seen_at,
         u.id, u.username, u.display_name, u.roles, u.disabled,
         u.must_change_password, u.phone, u.email, u.last_login_at,
         o.id, o.name, o.level, o.path, u.province_id
  FROM sessions s
  JOIN users u ON u.id = s.user_id
  JOIN org_units o ON o.id = u.org_id
  WHERE s.id = p_session_id;
END
$$;

CREATE FUNCTION token_principal(p_secret_hash text)
RETURNS TABLE (
  token_id uuid, scopes text[], expires_at timestamptz, revoked_at timestamptz,
  last_used_at timestamptz,
  user_id uuid, username text, display_name text, roles text[], disabled boolean,
  must_change_password boolean, phone text, email text, last_login_at timestamptz,
  unit_id uuid, unit_name text, unit_level text, unit_path text, province_id uuid
)
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY
  SELECT t.id, t.scopes, t.expires_at, t.revoked_at, t.last_used_at,
         u.id, u.username, u.display_name, u.roles, u.disabled,
         u.must_change_password, u.phone, u.email, u.last_login_at,
         o.id, o.name, o.level, o.path, u.province_id
  FROM api_tokens t
  JOIN users u ON u.id = t.user_id
  JOIN org_units o ON o.id = u.org_id
  WHERE t.secret_hash = p_secret_hash;
END
$$;
