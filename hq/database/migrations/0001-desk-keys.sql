-- The desks' Ed25519 public keys HQ trusts. A key belongs to exactly one province-desk; a
-- desk may hold more than one key over time (a reinstalled desk), each kept.
CREATE TABLE desk_keys (
  public_key_spki text PRIMARY KEY,
  province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  desk_code text NOT NULL CHECK (desk_code ~ '^[A-Z0-9]{1,8}$'),
  fingerprint text NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX desk_keys_desk ON desk_keys (province_code, desk_code);
