-- Times when Vigil could not watch: the machine slept or the wall clock jumped (epoch milliseconds).
CREATE TABLE gaps (
  started INTEGER NOT NULL,
  ended   INTEGER NOT NULL,
  reason  TEXT    NOT NULL
);
CREATE INDEX gaps_started ON gaps (started);
