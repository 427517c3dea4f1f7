package org.lifecircle.web.coverage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-community table of a coverage run: one row per community with its coverage by every type
 * of the run and the standards checks it fails. The JSON answer and the CSV export are both this
 * table.
 */
final class CommunityCoverageTable {
    /** A type column of the table. */
    record TypeColumn(String code, String nameZh, String nameEn, double thresholdMeters) {}

    /** One type's coverage in one community. */
    record TypeCell(long coveredHouseholds, double coveredPercent, int cells, int coveredCells) {}

    /** One community. */
    record Row(
            long id,
            String code,
            String name,
            String subdistrictName,
            long households,
            Map<String, TypeCell> coverage,
            List<String> failedChecks,
            int unknownChecks) {}

    private final List<TypeColumn> types;
    private final List<Row> rows;

    private CommunityCoverageTable(List<TypeColumn> types, List<Row> rows) {
        this.types = List.copyOf(types);
        this.rows = List.copyOf(rows);
    }

    /**
     * @param coverage rows ordered by community (as {@link CoverageStore#communityRows} returns them)
     * @param checks the run's checks of those communities
     */
    static CommunityCoverageTable of(List<CommunityCoverageRow> coverage, List<StoredCheck> checks) {
        Map<String, TypeColumn> types = new LinkedHashMap<>();
        Map<Long, Row> rows = new LinkedHashMap<>();
        Map<Long, List<String>> failed = new LinkedHashMap<>();
        Map<Long, Integer> unknown = new LinkedHashMap<>();
        for (StoredCheck check : checks) {
            if (check.outcome().equals("fail")) {
                failed.computeIfAbsent(check.communityId(), id -> new ArrayList<>())
                        .add(check.subject() == null ? check.ruleId() : check.ruleId() + ":" + check.subject());
            } else if (check.outcome().equals("unknown")) {
                unknown.merge(check.communityId(), 1, Integer::sum);
            }
        }
        for (CommunityCoverageRow row : coverage) {
            types.putIfAbsent(
                    row.type(), new TypeColumn(row.type(), row.typeNameZh(), row.typeNameEn(), row.thresholdMeters()));
            Row community = rows.computeIfAbsent(
                    row.communityId(),
                    id -> new Row(
                            id,
                            row.code(),
                            row.name(),
                            row.subdistrictName(),
                            row.households(),
                            new LinkedHashMap<>(),
                            failed.getOrDefault(id, List.of()),
                            unknown.getOrDefault(id, 0)));
            community
                    .coverage()
                    .put(
                            row.type(),
                            new TypeCell(
                                    row.coveredHouseholds(),
                                    Math.round(row.coveredPercent() * 100) / 100.0,
                                    row.cells(),
                                    row.coveredCells()));
        }
        return new CommunityCoverageTable(new ArrayList<>(types.values()), new ArrayList<>(rows.values()));
    }

    List<TypeColumn> types() {
        return types;
    }

    List<Row> rows() {
        return rows;
    }
}
