package org.lifecircle.web.demo;

/**
 * Samples the used heap every few milliseconds on a daemon thread and keeps the largest value: the
 * figure the generator's "within a 4 GiB heap" promise is about. Sampling can miss a spike shorter
 * than the period, so the result is a lower bound.
 */
final class HeapPeakSampler implements AutoCloseable {
    private static final long PERIOD_MILLIS = 10;

    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peakBytes;

    HeapPeakSampler() {
        thread = new Thread(this::sample, "heap-peak-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        Runtime runtime = Runtime.getRuntime();
        while (running) {
            long used = runtime.totalMemory() - runtime.freeMemory();
            if (used > peakBytes) {
                peakBytes = used;
            }
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long peakBytes() {
        return peakBytes;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
