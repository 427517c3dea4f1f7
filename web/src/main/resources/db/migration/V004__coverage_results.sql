-- Purpose: results of coverage, accessibility, siting and community-centre runs.
-- Like service_area, result rows carry no foreign key to the data rows they were computed from
-- (results outlive a dataset replacement; analysis_run.dataset_load_id says which data). Cell
-- geometries are copied once per run so a coverage map still draws after the cells are replaced.
-- Community ids need no copy: community versions are closed, never deleted.

-- The population cells a coverage or accessibility run computed on.
CREATE TABLE result_cell (
    run_id        bigint  NOT NULL REFERENCES analysis_run (id) ON DELETE CASCADE,
    cell_id       bigint  NOT NULL,
    community_id  bigint,
    households    integer NOT NULL CHECK (households >= 0),
    population    integer NOT NULL CHECK (population >= 0),
    geom          geometry(Polygon, 4326) NOT NULL,
    PRIMARY KEY (run_id, cell_id)
);
CREATE INDEX result_cell_geom_idx ON result_cell USING gist (geom);

-- Per cell and facility type: walking distance to the nearest facility of the type.
CREATE TABLE coverage_cell (
    run_id               bigint NOT NULL,
    type_code            text   NOT NULL REFERENCES facility_type (code),
    cell_id              bigint NOT NULL,
    -- NULL when no facility is within the run's search limit (or the cell is off the network).
    distance_m           double precision CHECK (distance_m >= 0),
    nearest_facility_id  bigint,
    covered              boolean NOT NULL,
    PRIMARY KEY (run_id, type_code, cell_id),
    FOREIGN KEY (run_id, cell_id) REFERENCES result_cell (run_id, cell_id) ON DELETE CASCADE
);

-- Per community and facility type: households within the type's threshold.
CREATE TABLE coverage_community (
    run_id              bigint  NOT NULL REFERENCES analysis_run (id) ON DELETE CASCADE,
    type_code           text    NOT NULL REFERENCES facility_type (code),
    community_id        bigint  NOT NULL REFERENCES community (id),
    threshold_m         double precision NOT NULL CHECK (threshold_m > 0),
    cells               integer NOT NULL CHECK (cells >= 0),
    covered_cells       integer NOT NULL CHECK (covered_cells BETWEEN 0 AND cells),
    households          bigint  NOT NULL CHECK (households >= 0),
    covered_households  bigint  NOT NULL CHECK (covered_households BETWEEN 0 AND households),
    covered_percent     double precision NOT NULL CHECK (covered_percent BETWEEN 0 AND 100),
    PRIMARY KEY (run_id, type_code, community_id)
);

-- Uncovered cells dissolved per type, ranked by households (1 = most).
CREATE TABLE coverage_gap (
    run_id               bigint  NOT NULL REFERENCES analysis_run (id) ON DELETE CASCADE,
    type_code            text    NOT NULL REFERENCES facility_type (code),
    rank                 integer NOT NULL CHECK (rank >= 1),
    households           bigint  NOT NULL CHECK (households >= 0),
    cells                integer NOT NULL CHECK (cells >= 1),
    area_m2              double precision NOT NULL CHECK (area_m2 >= 0),
    -- NULL when no facility of the type is within the run's search limit of any of its cells.
    nearest_distance_m   double precision CHECK (nearest_distance_m >= 0),
    nearest_facility_id  bigint,
    geom                 geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom)),
    PRIMARY KEY (run_id, type_code, rank)
);
CREATE INDEX coverage_gap_geom_idx ON coverage_gap USING gist (geom);

-- Standards checks of each community, as of a coverage run.
CREATE TABLE standards_check (
    run_id        bigint  NOT NULL REFERENCES analysis_run (id) ON DELETE CASCADE,
    community_id  bigint  NOT NULL REFERENCES community (id),
    position      integer NOT NULL CHECK (position >= 0),
    rule_id       text    NOT NULL,
    -- The facility type of a coverage check, NULL otherwise.
    subject       text,
    value         double precision,
    low           double precision,
    high          double precision,
    unit          text    NOT NULL,
    outcome       text    NOT NULL CHECK (outcome IN ('pass', 'fail', 'unknown', 'not_applicable')),
    meaning       text,
    source        text    NOT NULL,
    PRIMARY KEY (run_id, community_id, position)
);

-- Capacity-aware accessibility (2SFCA family) per cell.
CREATE TABLE accessibility_cell (
    run_id     bigint NOT NULL,
    type_code  text   NOT NULL REFERENCES facility_type (code),
    cell_id    bigint NOT NULL,
    score      double precision NOT NULL CHECK (score >= 0),
    PRIMARY KEY (run_id, type_code, cell_id),
    FOREIGN KEY (run_id, cell_id) REFERENCES result_cell (run_id, cell_id) ON DELETE CASCADE
);

-- Suggested new facility sites in build order.
CREATE TABLE site_suggestion (
    run_id                  bigint  NOT NULL REFERENCES analysis_run (id) ON DELETE CASCADE,
    type_code               text    NOT NULL REFERENCES facility_type (code),
    build_order             integer NOT NULL CHECK (build_order >= 1),
    added_households        bigint  NOT NULL CHECK (added_households >= 0),
    exclusive_households    bigint  NOT NULL CHECK (exclusive_households >= 0),
    cumulative_households   bigint  NOT NULL CHECK (cumulative_households >= 0),
    cumulative_percent      double precision NOT NULL CHECK (cumulative_percent BETWEEN 0 AND 100),
    -- The gap cell the site stands on, NULL for a site from the planner's list.
    cell_id                 bigint,
    geom                    geometry(Point, 4326) NOT NULL,
    PRIMARY KEY (run_id, build_order)
);
CREATE INDEX site_suggestion_geom_idx ON site_suggestion USING gist (geom);

-- Per community, the cell minimising household-weighted walking distance to it.
CREATE TABLE community_centre (
    run_id               bigint  NOT NULL REFERENCES analysis_run (id) ON DELETE CASCADE,
    community_id         bigint  NOT NULL REFERENCES community (id),
    cell_id              bigint,
    households           bigint  NOT NULL CHECK (households >= 0),
    reached_households   bigint  NOT NULL CHECK (reached_households BETWEEN 0 AND households),
    mean_walk_m          double precision CHECK (mean_walk_m >= 0),
    max_walk_m           double precision CHECK (max_walk_m >= 0),
    geom                 geometry(Point, 4326),
    PRIMARY KEY (run_id, community_id)
);
CREATE INDEX community_centre_geom_idx ON community_centre USING gist (geom);
