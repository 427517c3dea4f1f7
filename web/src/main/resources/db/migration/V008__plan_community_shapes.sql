-- Purpose: each plan community's outline (the union of its cells) and tallies, kept beside the plan
-- so that map servers draw plans without unioning cells on every request: on the demo district
-- (14,531 cells, 256 communities) the union takes 0.4-0.8 s, and the bounding box of a map request
-- cannot filter below the GROUP BY, so every request would pay for the whole plan.
--
-- Kept by the database itself, whatever writes plan_cell: statement triggers mark the communities a
-- statement touches as stale (one set-based insert, also for the COPY of a whole plan), and at
-- commit a deferred constraint trigger rebuilds every community the transaction marked, in one
-- statement. A brush stroke of many single-cell updates thus pays for its communities' unions once.
-- Readers see the shapes of the last committed cells; a community without cells has no shape.

CREATE TABLE plan_community_shape (
    plan_id      bigint           NOT NULL,
    key          integer          NOT NULL,
    -- Cells found in population_cell (a cell of replaced data is missing from the shape too).
    cells        integer          NOT NULL CHECK (cells >= 1),
    households   bigint           NOT NULL CHECK (households >= 0),
    population   bigint           NOT NULL CHECK (population >= 0),
    -- On the spheroid (geography): the plan editor measures in the Gauss-Krüger zone, which gives
    -- the same Polsby-Popper ratio to well under 0.001.
    area_m2      double precision NOT NULL CHECK (area_m2 >= 0),
    perimeter_m  double precision NOT NULL CHECK (perimeter_m >= 0),
    -- Polygons of the union: 1 when the cells form one piece on the map (cells meeting only at a
    -- corner are two pieces). The editor's contiguity also breaks at arterials, rail, rivers and
    -- subdistrict borders (the plan's violations in the API).
    parts        integer          NOT NULL CHECK (parts >= 1),
    geom         geometry(MultiPolygon, 4326) NOT NULL,
    PRIMARY KEY (plan_id, key),
    FOREIGN KEY (plan_id, key) REFERENCES plan_community (plan_id, key) ON DELETE CASCADE
);
CREATE INDEX plan_community_shape_geom_idx ON plan_community_shape USING gist (geom);

-- Communities whose cells changed in the running transaction; empty between transactions.
CREATE TABLE plan_community_shape_stale (
    plan_id  bigint  NOT NULL,
    key      integer NOT NULL,
    PRIMARY KEY (plan_id, key)
);

-- A community's cells, for the rebuild (the primary key leads with the plan, then the cell).
CREATE INDEX plan_cell_community_idx ON plan_cell (plan_id, community_key);

-- Rebuilds the shapes of the given communities (pairs of plan id and key) from their cells now, in
-- one statement: a whole plan's union is one grouped pass, not one query per community.
CREATE FUNCTION plan_community_shape_rebuild(p_plans bigint[], p_keys integer[]) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM plan_community_shape s
    USING unnest(p_plans, p_keys) AS x (plan_id, key)
    WHERE s.plan_id = x.plan_id AND s.key = x.key;
    INSERT INTO plan_community_shape (plan_id, key, cells, households, population, area_m2, perimeter_m, parts,
                                      geom)
    SELECT u.plan_id, u.key, u.cells, u.households, u.population, ST_Area(u.geom::geography),
           ST_Perimeter(u.geom::geography), ST_NumGeometries(u.geom), u.geom
    FROM (
        SELECT x.plan_id, x.key, COUNT(*) AS cells, SUM(p.households) AS households,
               SUM(p.population) AS population,
               ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Union(p.geom)), 3)) AS geom
        FROM (SELECT DISTINCT plan_id, key FROM unnest(p_plans, p_keys) AS y (plan_id, key)) x
        -- A community removed with its plan has nothing left to draw.
        JOIN plan_community k ON k.plan_id = x.plan_id AND k.key = x.key
        JOIN plan_cell c ON c.plan_id = x.plan_id AND c.community_key = x.key
        JOIN population_cell p ON p.id = c.cell_id
        GROUP BY x.plan_id, x.key) u;
$$;

CREATE FUNCTION plan_cells_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO plan_community_shape_stale (plan_id, key)
    SELECT DISTINCT plan_id, community_key FROM new_cells
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$$;

CREATE FUNCTION plan_cells_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- Both communities of every cell that changed community: the one it left and the one it joined.
    INSERT INTO plan_community_shape_stale (plan_id, key)
    SELECT DISTINCT x.plan_id, x.key
    FROM old_cells o
    JOIN new_cells n ON n.plan_id = o.plan_id AND n.cell_id = o.cell_id
    CROSS JOIN LATERAL (VALUES (o.plan_id, o.community_key), (n.plan_id, n.community_key)) AS x (plan_id, key)
    WHERE o.community_key IS DISTINCT FROM n.community_key
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$$;

CREATE FUNCTION plan_cells_deleted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO plan_community_shape_stale (plan_id, key)
    SELECT DISTINCT plan_id, community_key FROM old_cells
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$$;

-- One trigger per event: PostgreSQL allows transition tables only on single-event triggers.
CREATE TRIGGER plan_cells_inserted AFTER INSERT ON plan_cell
    REFERENCING NEW TABLE AS new_cells FOR EACH STATEMENT EXECUTE FUNCTION plan_cells_inserted();
CREATE TRIGGER plan_cells_updated AFTER UPDATE ON plan_cell
    REFERENCING OLD TABLE AS old_cells NEW TABLE AS new_cells FOR EACH STATEMENT EXECUTE FUNCTION plan_cells_updated();
CREATE TRIGGER plan_cells_deleted AFTER DELETE ON plan_cell
    REFERENCING OLD TABLE AS old_cells FOR EACH STATEMENT EXECUTE FUNCTION plan_cells_deleted();

-- At commit: the first stale mark to fire rebuilds every community the transaction marked, at once,
-- and clears the marks; the marks after it find theirs gone. (A community marked again within the
-- transaction was not inserted again.)
CREATE FUNCTION plan_community_shape_refresh() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    plans bigint[];
    keys integer[];
BEGIN
    WITH cleared AS (DELETE FROM plan_community_shape_stale RETURNING plan_id, key)
    SELECT array_agg(plan_id), array_agg(key) INTO plans, keys FROM cleared;
    IF plans IS NOT NULL THEN
        PERFORM plan_community_shape_rebuild(plans, keys);
    END IF;
    RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER plan_community_shape_refresh AFTER INSERT ON plan_community_shape_stale
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION plan_community_shape_refresh();

-- The plans made before this migration.
SELECT plan_community_shape_rebuild(array_agg(plan_id), array_agg(key)) FROM plan_community;
