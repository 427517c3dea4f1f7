package org.lifecircle.web.coverage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lifecircle.core.coverage.CommunityCoverage;
import org.lifecircle.core.coverage.TypeCoverage;
import org.lifecircle.core.standards.CheckOutcome;
import org.lifecircle.core.standards.CommunityFacts;
import org.lifecircle.core.standards.CommunityStandardsEvaluator;
import org.lifecircle.core.standards.StandardsCatalog;
import org.lifecircle.core.standards.StandardsCheck;
import org.lifecircle.web.analysis.AnalysisInputs;
import org.lifecircle.web.analysis.CommunityRecord;

/**
 * The standards checks of every community of a coverage run: households from its cells, floor
 * areas and staff from its record, coverage from the run's types (types the run did not compute
 * are checked as unknown).
 */
final class CommunityChecks {
    /** One check of one community, numbered in report order. */
    record Row(long communityId, int position, StandardsCheck check) {}

    private final CommunityStandardsEvaluator evaluator;

    CommunityChecks(StandardsCatalog catalog) {
        this.evaluator = new CommunityStandardsEvaluator(catalog);
    }

    List<Row> evaluate(AnalysisInputs inputs, Map<String, TypeCoverage> coverageByType) {
        long[] households = new long[inputs.communities().size()];
        int[] communityOfCell = inputs.snappedCells().communityOfCell();
        int[] cellHouseholds = inputs.snappedCells().households();
        for (int i = 0; i < communityOfCell.length; i++) {
            if (communityOfCell[i] >= 0) {
                households[communityOfCell[i]] += cellHouseholds[i];
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int c = 0; c < households.length; c++) {
            CommunityRecord community = inputs.communities().get(c);
            Map<String, Double> covered = new HashMap<>();
            for (var entry : coverageByType.entrySet()) {
                CommunityCoverage coverage = entry.getValue().communities().get(c);
                covered.put(entry.getKey(), coverage.coveredPercent());
            }
            CommunityFacts facts = new CommunityFacts(
                    households[c],
                    community.urban(),
                    community.serviceAreaM2(),
                    community.officeAreaM2(),
                    community.staffCount(),
                    covered);
            int position = 0;
            for (StandardsCheck check : evaluator.evaluate(facts).checks()) {
                rows.add(new Row(community.id(), position++, check));
            }
        }
        return rows;
    }

    /** The stored form of an outcome. */
    static String outcomeCode(CheckOutcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }
}
