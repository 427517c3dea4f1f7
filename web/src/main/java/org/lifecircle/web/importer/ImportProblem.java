package org.lifecircle.web.importer;

import org.lifecircle.datasets.importer.ImportReport;
import org.lifecircle.web.common.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An upload that stored nothing, as RFC 9457 problem details with the import's report as the member
 * {@code report}: 422 when the file or its rows are at fault, 503 when the server is (GDAL missing,
 * database unreachable).
 */
final class ImportProblem extends ErrorResponseException {

    private ImportProblem(ProblemDetail body) {
        super(HttpStatus.valueOf(body.getStatus()), body, null);
    }

    static ImportProblem failed(ImportFailedException e) {
        HttpStatus status = e.serverSide() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.UNPROCESSABLE_CONTENT;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setType(e.serverSide() ? ProblemTypes.IMPORT_UNAVAILABLE : ProblemTypes.IMPORT_REJECTED);
        problem.setTitle(e.serverSide() ? "Import unavailable" : "Import rejected");
        if (e.report() != null) {
            problem.setProperty("report", e.report());
        }
        return new ImportProblem(problem);
    }

    static ImportProblem notStored(ImportReport report) {
        String detail = report.rejections().isEmpty()
                ? "Nothing was stored"
                : "Nothing was stored: " + report.rejections().size() + " rows listed as rejected, first: row "
                        + report.rejections().get(0).row() + ": "
                        + report.rejections().get(0).reason();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
        problem.setType(ProblemTypes.IMPORT_REJECTED);
        problem.setTitle("Import rejected");
        problem.setProperty("report", report);
        return new ImportProblem(problem);
    }
}
