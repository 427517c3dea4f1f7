-- Purpose: results of service-area runs (per facility and dissolved per facility type), and
-- what a run computed on: the dataset load and a result summary.

ALTER TABLE analysis_run
    ADD COLUMN dataset_load_id bigint REFERENCES dataset_load (id) ON DELETE SET NULL,
    ADD COLUMN summary jsonb NOT NULL DEFAULT '{}'::jsonb;

CREATE TABLE service_area (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id       bigint NOT NULL REFERENCES analysis_run (id) ON DELETE CASCADE,
    type_code    text   NOT NULL REFERENCES facility_type (code),
    -- 'facility': one facility's area; 'type': dissolved over every facility of the type.
    scope        text   NOT NULL CHECK (scope IN ('facility', 'type')),
    -- The facility as it was when the run computed (no foreign key: results outlive a dataset
    -- replacement, as the run's dataset_load_id says which data they came from).
    facility_id  bigint,
    facility_name text,
    CHECK ((scope = 'facility') = (facility_id IS NOT NULL)),
    minutes      integer NOT NULL CHECK (minutes > 0),
    mode         text   NOT NULL CHECK (mode IN ('network', 'circle')),
    limit_m      double precision NOT NULL CHECK (limit_m > 0),
    area_m2      double precision NOT NULL CHECK (area_m2 >= 0),
    geom         geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom))
);
CREATE INDEX service_area_run_idx ON service_area (run_id, type_code, minutes);
CREATE INDEX service_area_geom_idx ON service_area USING gist (geom);
