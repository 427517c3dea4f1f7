package org.lifecircle.web.importer;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lifecircle.core.domain.Community;
import org.lifecircle.datasets.DatasetSink;
import org.locationtech.jts.geom.Geometry;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Community boundaries. A 12-digit statistical code (统计用区划代码) also gives the subdistrict code
 * (its first 9 digits) and urban or rural: the last 3 digits are 001–199 for a residents' committee
 * (居委会) and 200–399 for a villagers' committee (村委会) (National Bureau of Statistics,
 * 统计用区划代码编制规则). Without a code column, rows get provisional codes {@code
 * P<yyyyMMdd>-<row>}. A replacing import closes today's versions (history kept); an appending one
 * rejects codes that already have a current version, because two current versions of a code are
 * impossible.
 */
final class CommunityTarget implements ImportTarget<Community> {
    private static final String CURRENT_CODES = "SELECT code FROM community WHERE valid_to IS NULL";

    private final JdbcClient jdbc;

    CommunityTarget(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "communities";
    }

    @Override
    public String table() {
        return "community";
    }

    @Override
    public Set<ImportField> fields() {
        return EnumSet.of(
                ImportField.NAME,
                ImportField.CODE,
                ImportField.SUBDISTRICT,
                ImportField.SUBDISTRICT_CODE,
                ImportField.OFFICE_AREA,
                ImportField.SERVICE_AREA,
                ImportField.STAFF);
    }

    @Override
    public Set<ImportField> required(ImportOptions options) {
        return EnumSet.of(ImportField.NAME);
    }

    @Override
    public void write(DatasetSink sink, List<Community> rows) {
        sink.communities(rows);
    }

    @Override
    public RowMapper<Community> mapper(ImportOptions options, RunNotes notes, String source) {
        Set<String> current = options.append()
                ? new HashSet<>(jdbc.sql(CURRENT_CODES).query(String.class).list())
                : Set.of();
        return new Mapper(current, notes);
    }

    private static final class Mapper implements RowMapper<Community> {
        private final Set<String> currentCodes;
        private final RunNotes notes;
        private final Map<String, Long> rowByCode = new HashMap<>();
        private final String provisionalPrefix =
                "P" + LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE) + "-";
        private long provisional;
        private long withoutSubdistrict;

        Mapper(Set<String> currentCodes, RunNotes notes) {
            this.currentCodes = currentCodes;
            this.notes = notes;
        }

        @Override
        public Community map(StagedRow row, Geometry geometry) throws RowRejectedException {
            String name = row.value(ImportField.NAME);
            if (name == null) {
                throw new RowRejectedException("missing name");
            }
            String code = code(row);
            Long earlier = rowByCode.get(code);
            if (earlier != null) {
                throw new RowRejectedException("duplicate code " + code + " (also row " + earlier + ")");
            }
            if (currentCodes.contains(code)) {
                throw new RowRejectedException("code " + code
                        + " already has a current version; import without --append to replace the communities");
            }
            boolean statistical = code.matches("[0-9]{12}");
            String subdistrictCode = row.value(ImportField.SUBDISTRICT_CODE);
            if (subdistrictCode == null && statistical) {
                subdistrictCode = code.substring(0, 9);
            }
            String subdistrict = row.value(ImportField.SUBDISTRICT);
            Community community = new Community(
                    code,
                    name,
                    subdistrictCode,
                    subdistrict == null ? "" : subdistrict,
                    urban(code, statistical, name),
                    GeometryShapes.multiPolygon(geometry, "communities"),
                    CellValues.area(row, ImportField.OFFICE_AREA, false),
                    CellValues.area(row, ImportField.SERVICE_AREA, false),
                    CellValues.count(row, ImportField.STAFF, false));
            rowByCode.put(code, row.row());
            if (code.startsWith(provisionalPrefix)) {
                provisional++;
            }
            if (subdistrict == null) {
                withoutSubdistrict++;
            }
            return community;
        }

        private String code(StagedRow row) throws RowRejectedException {
            String code = row.value(ImportField.CODE);
            if (code == null) {
                return provisionalPrefix + String.format(Locale.ROOT, "%06d", row.row());
            }
            // A code column stored as a number reads back as 320102003001.0.
            if (code.matches("[0-9]+\\.0*")) {
                code = code.substring(0, code.indexOf('.'));
            }
            if (!code.matches("[0-9A-Za-z_-]{1,32}")) {
                throw new RowRejectedException("code '" + code + "' must be 1–32 letters, digits, '-' or '_'");
            }
            return code;
        }

        private static boolean urban(String code, boolean statistical, String name) {
            if (statistical) {
                return Integer.parseInt(code.substring(9)) < 200;
            }
            return !(name.endsWith("村") || name.endsWith("村委会") || name.endsWith("村民委员会"));
        }

        @Override
        public void finish() {
            if (provisional > 0) {
                notes.warning(provisional + " communities had no code and got provisional codes P<date>-<row>;"
                        + " name the code column with --code-column");
            }
            if (withoutSubdistrict > 0) {
                notes.warning(withoutSubdistrict + " communities have no subdistrict (街道) name;"
                        + " name its column with --subdistrict-column");
            }
        }
    }
}
