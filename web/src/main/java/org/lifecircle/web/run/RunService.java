package org.lifecircle.web.run;

import jakarta.annotation.PreDestroy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.lifecircle.web.common.BadParameterException;
import org.lifecircle.web.common.ConflictException;
import org.lifecircle.web.common.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts analysis runs and executes them one after another on a background thread. A run's row
 * says at every moment where it is; its results land in one transaction at the end, so a failed or
 * interrupted run leaves no partial results.
 */
@Service
public class RunService {
    private static final Logger LOG = LoggerFactory.getLogger(RunService.class);
    /** Progress is written at most this often: a run may report thousands of steps. */
    private static final long PROGRESS_WRITE_INTERVAL_NANOS = 250_000_000L;

    private static final long STORE_RETRY_MILLIS = 1000;
    static final String SHUTDOWN_REASON = "Cancelled: the service stopped before the run finished; start it again";
    private static final long SHUTDOWN_GRACE_SECONDS = 20;
    /** Half an hour of retries: longer than a database restart or failover takes. */
    private static final int STORE_RETRY_LIMIT = 1800;

    private final RunRepository runs;
    private final Map<String, RunKind> kinds;
    private final JsonMapper json;
    private final java.time.Duration timeLimit;
    /** Runs queued or running in this service, by id: what a cancel request reaches. */
    private final Map<Long, Control> active = new java.util.concurrent.ConcurrentHashMap<>();

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "analysis-run");
        thread.setDaemon(true);
        return thread;
    });

    /** A run's cancellation flag, set by a request, read by the run's progress reports. */
    private static final class Control {
        volatile String cancelReason;
    }

    RunService(
            RunRepository runs,
            List<RunKind> kinds,
            JsonMapper json,
            org.lifecircle.web.LifecircleProperties properties) {
        this.timeLimit = properties.runs().timeLimit();
        this.runs = runs;
        this.kinds = kinds.stream().collect(Collectors.toMap(RunKind::name, k -> k));
        this.json = json;
    }

    @EventListener(ApplicationReadyEvent.class)
    void failRunsOfAPreviousLife() {
        int interrupted = runs.failInterrupted();
        if (interrupted > 0) {
            LOG.warn("{} run(s) were interrupted by the last stop and are marked failed", interrupted);
        }
    }

    /**
     * Validates a request and queues the run.
     *
     * @throws BadParameterException for a missing or unknown kind or bad parameters
     */
    public RunView submit(JsonNode request) {
        if (request == null || !request.isObject()) {
            throw new BadParameterException("kind", "A run request is a JSON object with a kind");
        }
        JsonNode kindNode = request.get("kind");
        if (kindNode == null || !kindNode.isString()) {
            throw new BadParameterException("kind", "A run request needs a kind; known kinds: " + kinds.keySet());
        }
        RunKind kind = kinds.get(kindNode.asString());
        if (kind == null) {
            throw new BadParameterException(
                    "kind", "Unknown run kind '" + kindNode.asString() + "'; known kinds: " + kinds.keySet());
        }
        JsonNode parameters = kind.validate(request);
        long id = runs.create(kind.name(), parameters);
        Control control = new Control();
        active.put(id, control);
        executor.submit(() -> execute(id, kind, parameters, control));
        return find(id);
    }

    public RunView find(long id) {
        return runs.find(id).orElseThrow(() -> new NotFoundException("No run " + id));
    }

    /**
     * A run whose results can be read: of the given kind and finished successfully.
     *
     * @throws NotFoundException when there is no such run
     * @throws BadParameterException when it is a run of another kind
     * @throws ConflictException when it has not (yet) succeeded
     */
    public RunView requireResults(long id, String kind) {
        RunView run = find(id);
        if (!run.kind().equals(kind)) {
            throw new BadParameterException("id", "Run " + id + " is a " + run.kind() + " run, not " + kind);
        }
        if (!run.status().equals(RunStatus.SUCCEEDED.code())) {
            throw new ConflictException(
                    "Run " + id + " is " + run.status() + "; its results can be read once it has succeeded");
        }
        return run;
    }

    /**
     * The newest runs, optionally of one kind and one status.
     *
     * @throws BadParameterException for an unknown kind or status
     */
    List<RunView> recent(String kind, String status, int limit) {
        if (kind != null && !kinds.containsKey(kind)) {
            throw new BadParameterException("kind", "Unknown run kind '" + kind + "'; known kinds: " + kinds.keySet());
        }
        if (status != null
                && java.util.Arrays.stream(RunStatus.values())
                        .noneMatch(s -> s.code().equals(status))) {
            throw new BadParameterException(
                    "status", "status must be one of queued, running, succeeded, failed, got '" + status + "'");
        }
        return runs.recent(kind, status, limit);
    }

    /**
     * Cancels a queued or running run. A queued run never starts; a running one stops at its next
     * progress report, before anything is stored.
     *
     * @throws NotFoundException when there is no such run
     * @throws ConflictException when it has already finished
     */
    public RunView cancel(long id) {
        RunView run = find(id);
        Control control = active.get(id);
        if (control == null || !(run.status().equals("queued") || run.status().equals("running"))) {
            throw new ConflictException(
                    "Run " + id + " is " + run.status() + "; only queued or running runs can be cancelled");
        }
        control.cancelReason = "Cancelled on request";
        if (run.status().equals("queued")) {
            runs.cancel(id, control.cancelReason, "{}");
        }
        return find(id);
    }

    private void execute(long id, RunKind kind, JsonNode parameters, Control control) {
        Map<String, Long> timings = new LinkedHashMap<>();
        long started = System.nanoTime();
        try {
            if (control.cancelReason != null) {
                runs.cancel(id, control.cancelReason, "{}");
                return;
            }
            // A cancel request may land between the flag check and the update: the update sees it.
            if (!runs.markRunning(id)) {
                return;
            }
            Map<String, Object> summary =
                    kind.execute(id, parameters, new Progress(id, timings, control, started + timeLimit.toNanos()));
            timings.put("total", RunProgress.millisSince(started));
            String timingsJson = json.writeValueAsString(timings);
            String summaryJson = json.writeValueAsString(summary);
            untilStored(id, () -> runs.succeed(id, timingsJson, summaryJson));
        } catch (RunCancelledException e) {
            timings.put("total", RunProgress.millisSince(started));
            LOG.info("Run {} ({}) stopped: {}", id, kind.name(), e.getMessage());
            String timingsJson = json.writeValueAsString(timings);
            untilStored(id, () -> runs.cancel(id, e.getMessage(), timingsJson));
        } catch (RuntimeException e) {
            timings.put("total", RunProgress.millisSince(started));
            LOG.warn("Run {} ({}) failed", id, kind.name(), e);
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            String timingsJson = json.writeValueAsString(timings);
            untilStored(id, () -> runs.fail(id, reason, timingsJson));
        } finally {
            active.remove(id);
        }
    }

    /**
     * Writes a run's final status, retrying while the database is unreachable (every {@link
     * #STORE_RETRY_MILLIS} ms, up to {@link #STORE_RETRY_LIMIT} tries), so an outage never leaves a
     * run "running" for ever: when the database returns, the run says how it ended.
     */
    private void untilStored(long id, Runnable write) {
        for (int attempt = 1; ; attempt++) {
            try {
                write.run();
                return;
            } catch (org.springframework.dao.DataAccessException e) {
                if (attempt >= STORE_RETRY_LIMIT || executor.isShutdown()) {
                    LOG.error(
                            "Run {}: its final status could not be stored; it is marked failed at the next start",
                            id,
                            e);
                    return;
                }
                LOG.warn("Run {}: database unavailable ({}); storing its status again shortly", id, e.getMessage());
                try {
                    Thread.sleep(STORE_RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * A stopping service cancels its runs the way a request would: the running one stops at its
     * next progress report and stores its end, queued ones never start, and nothing of them is
     * stored. Only a run that does not report within the grace period is interrupted.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        active.values().forEach(control -> control.cancelReason = SHUTDOWN_REASON);
        executor.shutdown();
        if (!executor.awaitTermination(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS)) {
            executor.shutdownNow();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** Writes progress to the run's row, at most every {@link #PROGRESS_WRITE_INTERVAL_NANOS}. */
    private final class Progress implements RunProgress {
        private final long runId;
        private final Map<String, Long> timings;
        private final Control control;
        private final long deadlineNanos;
        private long lastWriteNanos;

        Progress(long runId, Map<String, Long> timings, Control control, long deadlineNanos) {
            this.runId = runId;
            this.timings = timings;
            this.control = control;
            this.deadlineNanos = deadlineNanos;
        }

        /** Stops the run here when it was cancelled or is past its time limit. */
        private void checkContinue() {
            if (control.cancelReason != null) {
                throw new RunCancelledException(control.cancelReason);
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new RunCancelledException("Stopped at the time limit of " + timeLimit
                        + " (lifecircle.runs.time-limit); narrow the request or raise the limit");
            }
        }

        @Override
        public void percent(double percent) {
            checkContinue();
            long now = System.nanoTime();
            if (now - lastWriteNanos >= PROGRESS_WRITE_INTERVAL_NANOS) {
                lastWriteNanos = now;
                runs.progress(runId, percent);
            }
        }

        @Override
        public void datasetLoad(long loadId) {
            runs.recordDatasetLoad(runId, loadId);
        }

        @Override
        public void timing(String stage, long millis) {
            checkContinue();
            timings.put(stage, millis);
        }
    }
}
