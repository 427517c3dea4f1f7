-- Purpose: the core data model: communities (versioned), facility types and facilities,
-- population cells, the walking network and its barriers, analysis runs, dataset loads.
-- Every geometry is EPSG:4326 with a fixed type; constraints make bad rows impossible.

CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- One row per load of a dataset (demo generator or import); every data row names its load.
CREATE TABLE dataset_load (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         text        NOT NULL,
    source       text        NOT NULL,
    description  text,
    loaded_at    timestamptz NOT NULL DEFAULT now(),
    row_counts   jsonb       NOT NULL DEFAULT '{}'::jsonb
);

CREATE TABLE facility_type (
    code                     text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
    name_zh                  text             NOT NULL,
    name_en                  text             NOT NULL,
    life_circle              text             NOT NULL CHECK (life_circle IN ('5min', '10min', '15min')),
    service_radius_m         double precision NOT NULL CHECK (service_radius_m > 0),
    floor_area_min_m2        double precision CHECK (floor_area_min_m2 >= 0),
    floor_area_max_m2        double precision CHECK (floor_area_max_m2 >= floor_area_min_m2),
    source                   text             NOT NULL
);

-- A community version. Adopting new boundaries closes the current version (valid_to) and inserts
-- a new one, so no boundary is ever lost; at any instant a code has at most one version.
CREATE TABLE community (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code               text        NOT NULL CHECK (code ~ '^[0-9A-Za-z_-]{1,32}$'),
    name               text        NOT NULL CHECK (length(name) > 0),
    subdistrict_code   text,
    subdistrict_name   text        NOT NULL,
    urban              boolean     NOT NULL DEFAULT true,
    office_area_m2     double precision CHECK (office_area_m2 >= 0),
    service_area_m2    double precision CHECK (service_area_m2 >= 0),
    staff_count        integer     CHECK (staff_count >= 0),
    geom               geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom) AND NOT ST_IsEmpty(geom)),
    valid_from         timestamptz NOT NULL DEFAULT now(),
    valid_to           timestamptz CHECK (valid_to > valid_from),
    load_id            bigint REFERENCES dataset_load (id),
    CONSTRAINT community_one_version_at_a_time
        EXCLUDE USING gist (code WITH =, tstzrange(valid_from, valid_to) WITH &&)
);
CREATE INDEX community_geom_idx ON community USING gist (geom);
CREATE INDEX community_current_idx ON community (code) WHERE valid_to IS NULL;

-- History is append-only: a version may only be closed, never rewritten.
CREATE FUNCTION community_versions_are_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.valid_to IS NOT NULL THEN
        RAISE EXCEPTION 'community % version % is closed and cannot change', OLD.code, OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF (NEW.code, NEW.name, NEW.subdistrict_code, NEW.subdistrict_name, NEW.urban, NEW.office_area_m2,
        NEW.service_area_m2, NEW.staff_count, NEW.valid_from, NEW.load_id)
       IS DISTINCT FROM
       (OLD.code, OLD.name, OLD.subdistrict_code, OLD.subdistrict_name, OLD.urban, OLD.office_area_m2,
        OLD.service_area_m2, OLD.staff_count, OLD.valid_from, OLD.load_id)
       OR NOT ST_Equals(NEW.geom, OLD.geom) THEN
        RAISE EXCEPTION 'community % version % cannot be edited: close it and insert a new version', OLD.code, OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER community_versions_are_immutable
    BEFORE UPDATE ON community FOR EACH ROW EXECUTE FUNCTION community_versions_are_immutable();

CREATE TABLE facility (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type_code     text NOT NULL REFERENCES facility_type (code),
    name          text,
    floor_area_m2 double precision CHECK (floor_area_m2 >= 0),
    capacity      integer CHECK (capacity >= 0),
    source        text,
    geom          geometry(Point, 4326) NOT NULL CHECK (ST_IsValid(geom) AND NOT ST_IsEmpty(geom)),
    load_id       bigint REFERENCES dataset_load (id)
);
CREATE INDEX facility_geom_idx ON facility USING gist (geom);
CREATE INDEX facility_type_idx ON facility (type_code);

CREATE TABLE population_cell (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    population  integer NOT NULL CHECK (population >= 0),
    households  integer NOT NULL CHECK (households >= 0),
    elderly     integer CONSTRAINT population_cell_elderly_check CHECK (elderly >= 0 AND elderly <= population),
    children    integer CONSTRAINT population_cell_children_check CHECK (children >= 0 AND children <= population),
    source      text,
    geom        geometry(Polygon, 4326) NOT NULL CHECK (ST_IsValid(geom) AND NOT ST_IsEmpty(geom)),
    -- The point that decides which community a cell counts for.
    centroid    geometry(Point, 4326) GENERATED ALWAYS AS (ST_PointOnSurface(geom)) STORED,
    load_id     bigint REFERENCES dataset_load (id)
);
CREATE INDEX population_cell_geom_idx ON population_cell USING gist (geom);
CREATE INDEX population_cell_centroid_idx ON population_cell USING gist (centroid);

-- The walkable network; source/target are node ids, so pgRouting reads it as it is.
CREATE TABLE road_edge (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source         bigint NOT NULL CHECK (source >= 0),
    target         bigint NOT NULL CHECK (target >= 0),
    length_m       double precision NOT NULL CHECK (length_m > 0),
    road_class     text NOT NULL CHECK (road_class ~ '^[a-z_]+$'),
    arterial       boolean NOT NULL DEFAULT false,
    bridge         boolean NOT NULL DEFAULT false,
    rail_crossing  boolean NOT NULL DEFAULT false,
    geom           geometry(LineString, 4326) NOT NULL CHECK (ST_IsValid(geom) AND NOT ST_IsEmpty(geom)),
    load_id        bigint REFERENCES dataset_load (id)
);
CREATE INDEX road_edge_geom_idx ON road_edge USING gist (geom);
CREATE INDEX road_edge_source_idx ON road_edge (source);
CREATE INDEX road_edge_target_idx ON road_edge (target);

-- Lines and areas that cannot be walked across except over a bridge or crossing edge.
CREATE TABLE barrier (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind     text NOT NULL CHECK (kind IN ('river', 'rail')),
    name     text,
    geom     geometry(Geometry, 4326) NOT NULL
             CHECK (ST_IsValid(geom) AND NOT ST_IsEmpty(geom)
                    AND GeometryType(geom) IN ('LINESTRING', 'MULTILINESTRING', 'POLYGON', 'MULTIPOLYGON')),
    load_id  bigint REFERENCES dataset_load (id)
);
CREATE INDEX barrier_geom_idx ON barrier USING gist (geom);

CREATE TABLE analysis_run (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind             text        NOT NULL,
    parameters       jsonb       NOT NULL DEFAULT '{}'::jsonb,
    status           text        NOT NULL DEFAULT 'queued'
                     CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    progress_percent double precision NOT NULL DEFAULT 0 CHECK (progress_percent BETWEEN 0 AND 100),
    created_at       timestamptz NOT NULL DEFAULT now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    timings_ms       jsonb       NOT NULL DEFAULT '{}'::jsonb,
    error            text,
    CHECK (finished_at IS NULL OR started_at IS NULL OR finished_at >= started_at)
);
CREATE INDEX analysis_run_status_idx ON analysis_run (status);
