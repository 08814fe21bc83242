-- The registry desk finds a case by its docket number, at one tribunal (the primary key serves it) or at every
-- tribunal (this index). Additive: a previous release ignores it (docs/upgrading.md, Rolling upgrades).
CREATE INDEX registry_docket_number_key ON registry_docket_number (docket_key);
