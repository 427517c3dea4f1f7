package org.lifecircle.web.importer;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lifecircle.datasets.importer.ImportReport;
import org.lifecircle.web.audit.AuditLog;
import org.lifecircle.web.common.BadParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/imports/{kind}} (multipart): the file in part {@code file}, the command line's
 * options as form fields of the same names ({@code source-crs=gcj02}, {@code append=true}). 201 with
 * the report when the rows were stored; 422 problem details with the report when nothing was stored
 * because of the file or its rows; 400 for a bad kind or option; 413 when the upload exceeds {@code
 * spring.servlet.multipart.max-file-size}.
 */
@RestController
class ImportController {
    private final ImportUploads uploads;
    private final AuditLog audit;

    ImportController(ImportUploads uploads, AuditLog audit) {
        this.uploads = uploads;
        this.audit = audit;
    }

    @PostMapping(path = "/api/imports/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportReport> importFile(
            @PathVariable String kind,
            @RequestParam("file") MultipartFile file,
            @RequestParam(name = "source-crs", required = false) String sourceCrs,
            @RequestParam(name = "encoding", required = false) String encoding,
            @RequestParam(name = "invalid", required = false) String invalid,
            @RequestParam(name = "layer", required = false) String layer,
            @RequestParam(name = "lon-column", required = false) String lonColumn,
            @RequestParam(name = "lat-column", required = false) String latColumn,
            @RequestParam(name = "geometry-column", required = false) String geometryColumn,
            @RequestParam(name = "name-column", required = false) String nameColumn,
            @RequestParam(name = "code-column", required = false) String codeColumn,
            @RequestParam(name = "subdistrict-column", required = false) String subdistrictColumn,
            @RequestParam(name = "subdistrict-code-column", required = false) String subdistrictCodeColumn,
            @RequestParam(name = "office-area-column", required = false) String officeAreaColumn,
            @RequestParam(name = "service-area-column", required = false) String serviceAreaColumn,
            @RequestParam(name = "staff-column", required = false) String staffColumn,
            @RequestParam(name = "type-column", required = false) String typeColumn,
            @RequestParam(name = "floor-area-column", required = false) String floorAreaColumn,
            @RequestParam(name = "capacity-column", required = false) String capacityColumn,
            @RequestParam(name = "population-column", required = false) String populationColumn,
            @RequestParam(name = "households-column", required = false) String householdsColumn,
            @RequestParam(name = "elderly-column", required = false) String elderlyColumn,
            @RequestParam(name = "children-column", required = false) String childrenColumn,
            @RequestParam(name = "type", required = false) String type,
            @RequestParam(name = "type-map", required = false) String typeMap,
            @RequestParam(name = "append", required = false) String append,
            @RequestParam(name = "strict", required = false) String strict) {
        Map<String, String> options = new LinkedHashMap<>();
        put(options, ImportOptionParser.SOURCE_CRS, sourceCrs);
        put(options, ImportOptionParser.ENCODING, encoding);
        put(options, ImportOptionParser.INVALID, invalid);
        put(options, ImportOptionParser.LAYER, layer);
        put(options, ImportOptionParser.LON_COLUMN, lonColumn);
        put(options, ImportOptionParser.LAT_COLUMN, latColumn);
        put(options, ImportOptionParser.GEOMETRY_COLUMN, geometryColumn);
        put(options, ImportField.NAME.option(), nameColumn);
        put(options, ImportField.CODE.option(), codeColumn);
        put(options, ImportField.SUBDISTRICT.option(), subdistrictColumn);
        put(options, ImportField.SUBDISTRICT_CODE.option(), subdistrictCodeColumn);
        put(options, ImportField.OFFICE_AREA.option(), officeAreaColumn);
        put(options, ImportField.SERVICE_AREA.option(), serviceAreaColumn);
        put(options, ImportField.STAFF.option(), staffColumn);
        put(options, ImportField.TYPE.option(), typeColumn);
        put(options, ImportField.FLOOR_AREA.option(), floorAreaColumn);
        put(options, ImportField.CAPACITY.option(), capacityColumn);
        put(options, ImportField.POPULATION.option(), populationColumn);
        put(options, ImportField.HOUSEHOLDS.option(), householdsColumn);
        put(options, ImportField.ELDERLY.option(), elderlyColumn);
        put(options, ImportField.CHILDREN.option(), childrenColumn);
        put(options, ImportOptionParser.TYPE, type);
        put(options, ImportOptionParser.TYPE_MAP, typeMap);
        put(options, ImportOptionParser.APPEND, append);
        put(options, ImportOptionParser.STRICT, strict);
        ImportReport report;
        String target = "import:" + kind;
        String fileName = String.valueOf(file.getOriginalFilename());
        try {
            report = uploads.importUpload(kind, file, options);
        } catch (BadImportOptionException e) {
            audit.record("import.refused", target, Map.of("file", fileName, "reason", e.getMessage()));
            throw new BadParameterException(e.option(), e.getMessage());
        } catch (ImportFailedException e) {
            audit.record("import.failed", target, Map.of("file", fileName, "reason", e.getMessage()));
            throw ImportProblem.failed(e);
        }
        if (!report.committed()) {
            audit.record(
                    "import.refused",
                    target,
                    Map.of(
                            "file",
                            fileName,
                            "rowsRead",
                            report.rowsRead(),
                            "rejections",
                            report.rejections().size()));
            throw ImportProblem.notStored(report);
        }
        audit.record(
                "import.succeeded",
                target,
                Map.of("file", fileName, "rowsLoaded", report.rowsLoaded(), "options", options));
        return ResponseEntity.status(HttpStatus.CREATED).body(report);
    }

    private static void put(Map<String, String> options, String name, String value) {
        if (value != null) {
            options.put(name, value);
        }
    }
}
