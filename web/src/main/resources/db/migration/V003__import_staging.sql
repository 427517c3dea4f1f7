-- Purpose: a schema of its own for file imports. ogr2ogr copies each imported file into a new
-- table here (import_staging.stage_<UTC time>_<random>), the rows are checked and moved into the
-- real tables in one transaction, and the staging table is dropped. Nothing outside this schema
-- ever refers to it; tables older than a day are leftovers of a killed import and are swept.
CREATE SCHEMA IF NOT EXISTS import_staging;
