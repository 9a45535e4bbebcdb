package loopsmith.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import loopsmith.UnitTest;
import loopsmith.service.GenerateOptions;
import loopsmith.service.GenerateService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cancelling and deadlines, with a stand-in for the generator that stops when interrupted, as the real one does. */
@UnitTest
class JobsTest {
    @TempDir
    Path dir;

    /** Works until interrupted, then throws as the generator does; counts its starts. */
    private static Function<GenerateOptions, GenerateService.Outcome> untilInterrupted(AtomicInteger starts, CountDownLatch started) {
        return o -> {
            starts.incrementAndGet();
            started.countDown();
            while (!Thread.currentThread().isInterrupted()) Thread.onSpinWait();
            throw new CancellationException("generation interrupted");
        };
    }

    private static void awaitStatus(Job job, Job.Status status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (job.status() != status && System.nanoTime() < deadline) Thread.sleep(5);
        assertEquals(status, job.status());
    }

    @Test
    void aQueuedJobIsCancelledAndNeverRuns() throws Exception {
        AtomicInteger starts = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger cleanups = new AtomicInteger();
        try (Jobs jobs = new Jobs(1, 2, 10, untilInterrupted(starts, started), Clock.systemUTC(), Duration.ofMinutes(1))) {
            Job first = jobs.submit(null, cleanups::incrementAndGet);
            assertTrue(started.await(5, TimeUnit.SECONDS));
            Job second = jobs.submit(null, cleanups::incrementAndGet);
            assertEquals(1, jobs.queued());
            assertTrue(jobs.cancel(second));
            assertEquals(Job.Status.CANCELLED, second.status());
            assertEquals(0, jobs.queued(), "a cancelled job leaves the queue at once");
            assertEquals(1, cleanups.get(), "its uploads are removed at once");
            assertFalse(jobs.cancel(second), "an ended job cannot be cancelled again");
            assertTrue(jobs.cancel(first));
            awaitStatus(first, Job.Status.CANCELLED);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (cleanups.get() < 2 && System.nanoTime() < deadline) Thread.sleep(5);
            assertEquals(2, cleanups.get(), "each job's clean-up ran exactly once");
            assertEquals(1, starts.get(), "the cancelled queued job never ran");
        }
    }

    @Test
    void aRunningJobIsCancelledAndItsWorkerIsFreeAgain() throws Exception {
        AtomicInteger starts = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(2);
        try (Jobs jobs = new Jobs(1, 2, 10, untilInterrupted(starts, started), Clock.systemUTC(), Duration.ofMinutes(1))) {
            Job running = jobs.submit(null, () -> { });
            Job next = jobs.submit(null, () -> { });
            awaitStatus(running, Job.Status.RUNNING);
            long t0 = System.nanoTime();
            assertTrue(jobs.cancel(running));
            assertEquals(Job.Status.CANCELLED, running.status(), "cancelled at once, not when the worker notices");
            awaitStatus(next, Job.Status.RUNNING);
            System.out.printf("cancel to the next job running: %.1f ms%n", (System.nanoTime() - t0) / 1e6);
            assertEquals("cancelled", running.view(0).error());
            jobs.cancel(next);
        }
    }

    @Test
    void aJobPastItsDeadlineFailsWithTheReason() throws Exception {
        AtomicInteger starts = new AtomicInteger();
        try (Jobs jobs = new Jobs(1, 2, 10, untilInterrupted(starts, new CountDownLatch(1)), Clock.systemUTC(), Duration.ofMillis(300))) {
            Job job = jobs.submit(null, () -> { });
            awaitStatus(job, Job.Status.FAILED);
            assertTrue(job.view(0).error().startsWith("deadline: still running after"), job.view(0).error());
        }
    }

    /** A service that does not look at the interrupt finishes; what it wrote is removed. */
    @Test
    void whatAStoppedJobStillWritesIsDeleted() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Path folder = dir.resolve("20250101-000000_late_s1");
        Function<GenerateOptions, GenerateService.Outcome> deaf = o -> {
            started.countDown();
            try {
                while (!release.await(10, TimeUnit.MILLISECONDS)) Thread.onSpinWait();
            } catch (InterruptedException ignored) {
                // This stand-in ignores interrupts on purpose (as a long render might), waiting for the test's release.
                try {
                    release.await();
                } catch (InterruptedException again) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                Files.createDirectories(folder);
                Files.writeString(folder.resolve("loopsmith.json"), "{}");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new GenerateService.Outcome(null, null, List.of(folder), List.of(), 0);
        };
        try (Jobs jobs = new Jobs(1, 2, 10, deaf, Clock.systemUTC(), Duration.ofMinutes(1))) {
            Job job = jobs.submit(null, () -> { });
            assertTrue(started.await(5, TimeUnit.SECONDS));
            assertTrue(jobs.cancel(job));
            release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while ((Files.exists(folder) || jobs.running() > 0) && System.nanoTime() < deadline) Thread.sleep(5);
            assertFalse(Files.exists(folder), "the stopped job's folder was left in the history");
            assertEquals(Job.Status.CANCELLED, job.status());
            assertTrue(job.view(0).folders().isEmpty());
        }
    }
    /**
     * A job cancelled while its results are written, with the real service: when the second of three variations has its
     * MIDI the first is already in place, and it goes with the job; cancelled before its stems render, a result leaves
     * no half-written folder.
     */
    @Test
    void aJobCancelledWhileItsResultsAreWrittenLeavesNoneOfThem() throws Exception {
        GenerateService service = new GenerateService(ServerApiTest.HOME, Clock.systemUTC(), "test");
        for (boolean audio : new boolean[] {false, true}) {
            Path out = Files.createDirectories(dir.resolve(audio ? "stems" : "variations"));
            int cancelAt = audio ? 1 : 2;
            CountDownLatch submitted = new CountDownLatch(1);
            AtomicReference<Job> self = new AtomicReference<>();
            AtomicInteger midiWritten = new AtomicInteger();
            try (Jobs jobs = new Jobs(1, 2, 10, (o, midiReady) -> {
                try {
                    submitted.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return service.generate(o, folder -> {
                    midiReady.accept(folder);
                    if (midiWritten.incrementAndGet() == cancelAt) assertTrue(self.get().stop(Job.Status.CANCELLED, "cancelled"));
                });
            }, Clock.systemUTC(), Duration.ofMinutes(5))) {
                GenerateForm form = Http.JSON.readValue("{\"text\":\"techno\",\"bars\":1,\"seed\":3,\"variations\":" + (audio ? 1 : 3)
                        + ",\"audio\":" + audio + "}", GenerateForm.class);
                Job job = jobs.submit(form.toOptions(out, java.util.Optional.empty()), () -> { });
                self.set(job);
                submitted.countDown();
                assertTrue(job.awaitEnd(Duration.ofSeconds(120)), "the job ended: " + job.status());
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (jobs.running() > 0 && System.nanoTime() < deadline) Thread.sleep(5);
                assertEquals(Job.Status.CANCELLED, job.status(), job.view(0).error());
                assertEquals(cancelAt, midiWritten.get(), "nothing more was written after the cancel");
                try (java.util.stream.Stream<Path> left = Files.list(out)) {
                    assertEquals(List.of(), left.map(f -> f.getFileName().toString()).toList(), audio ? "stems" : "variations");
                }
            }
        }
    }

    /**
     * An Error other than OutOfMemoryError (a deep recursion's StackOverflowError, a class that fails to load) once
     * passed the worker's handlers: the job stayed RUNNING for good, its deadline timer was cancelled on the way out, and
     * the client never heard. It now fails with the reason, no stack trace, and the worker runs the next job.
     */
    @Test
    void aJobWhoseWorkThrowsAnErrorFailsAndTheWorkerGoesOn() throws Exception {
        AtomicInteger cleanups = new AtomicInteger();
        try (Jobs jobs = new Jobs(1, 2, 10, o -> { throw new AssertionError("unused"); }, Clock.systemUTC(), Duration.ofMinutes(1))) {
            Job broken = jobs.submitWork(() -> { throw new StackOverflowError(); }, cleanups::incrementAndGet);
            Job next = jobs.submitWork(() -> new Jobs.Made(List.of(), List.of()), cleanups::incrementAndGet);
            assertTrue(broken.awaitEnd(Duration.ofSeconds(10)), "the job ended: " + broken.status());
            assertEquals(Job.Status.FAILED, broken.status());
            assertEquals("internal error: java.lang.StackOverflowError", broken.view(0).error());
            assertTrue(next.awaitEnd(Duration.ofSeconds(10)), "the next job ran: " + next.status());
            assertEquals(Job.Status.DONE, next.status());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (cleanups.get() < 2 && System.nanoTime() < deadline) Thread.sleep(5);
            assertEquals(2, cleanups.get(), "each job's clean-up ran");
        }
    }

    /** A listener that throws an Error (an OSC reply hitting a bug, say) neither stops the other listeners nor the job. */
    @Test
    void aListenerThatThrowsAnErrorStopsNeitherTheOthersNorTheJob() throws Exception {
        CountDownLatch listening = new CountDownLatch(1);
        Path folder = dir.resolve("20250101-000000_idea_s1");
        try (Jobs jobs = new Jobs(1, 2, 10, (o, midiReady) -> {
            try {
                listening.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            midiReady.accept(folder);
            return new GenerateService.Outcome(null, null, List.of(), List.of(), 0);
        }, Clock.systemUTC(), Duration.ofMinutes(1))) {
            List<Path> heardMidi = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<Job.Status> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
            Job job = jobs.submit(null, () -> { });
            job.listenForMidi(f -> { throw new LinkageError("broken listener"); });
            job.listenForMidi(heardMidi::add);
            job.listen(v -> {
                if (v.status() != Job.Status.QUEUED && v.status() != Job.Status.RUNNING) throw new StackOverflowError();
            });
            job.listen(v -> heard.add(v.status()));
            listening.countDown();
            assertTrue(job.awaitEnd(Duration.ofSeconds(10)), "the job ended: " + job.status());
            assertEquals(Job.Status.DONE, job.status(), job.view(0).error());
            assertEquals(List.of(folder), heardMidi, "the second MIDI listener heard the folder");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!heard.contains(Job.Status.DONE) && System.nanoTime() < deadline) Thread.sleep(5);
            assertTrue(heard.contains(Job.Status.DONE), "the second listener heard the end: " + heard);
        }
    }
}
