package app.fixmo.workers.exports;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.jobs.JobTypes;
import app.fixmo.schemas.jobs.JobTypes.BookingsExport;
import app.fixmo.workers.exports.ExportStore.Built;
import app.fixmo.workers.jobs.JobHandler;
import app.fixmo.workers.jobs.JobRejected;
import app.fixmo.workers.jobs.Payloads;
import java.time.Clock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code export.bookings-csv}: reads a provider's bookings from the view cache, writes them as
 * CSV (see {@link BookingsCsv}) and stores it in Redis for a day with the export marked ready (see
 * {@link ExportStore}), where the edge serves it to that provider only.
 *
 * <p>Running a job twice stores one result: an export built before is left as it is, so a second
 * run neither reads the bookings again nor moves its time. A failed attempt (Redis unreadable, a
 * booking the index names not yet in the cache) is retried as {@link JobTypes#EXPORT_RETRIES} says;
 * after the last one the job is dead, and the edge shows the export as failed.
 */
public final class BookingsExportHandler implements JobHandler {

  private static final Logger log = LoggerFactory.getLogger(BookingsExportHandler.class);

  private final ExportSource source;
  private final ExportStore store;
  private final Clock clock;

  public BookingsExportHandler(RedissonClient redis, FixmoConfig config, Clock clock) {
    this.source = new ExportSource(redis, config);
    this.store = new ExportStore(redis, config);
    this.clock = clock;
  }

  @Override
  public String type() {
    return JobTypes.BOOKINGS_EXPORT;
  }

  @Override
  public void handle(Job job) throws JobRejected {
    BookingsExport export = Payloads.read(job, BookingsExport.class);
    if (store.isBuilt(export.exportId())) {
      log.info("export {} was built before; keeping it", export.exportId());
      return;
    }

    ProviderBookings bookings = source.read(export.providerId());
    String csv = BookingsCsv.write(bookings);
    Built built =
        new Built(
            export.exportId(),
            export.providerId(),
            job.submittedAt(),
            clock.instant(),
            bookings.bookings().size(),
            csv);

    switch (store.save(built)) {
      case WRITTEN ->
          log.info(
              "export {} built for provider {}: {} rows, {} bytes",
              built.exportId(),
              built.providerId(),
              built.rows(),
              built.bytes());
      case BUILT_BEFORE -> log.info("export {} was built meanwhile; keeping it", built.exportId());
      case OTHER_PROVIDER ->
          throw new JobRejected(
              "export "
                  + built.exportId()
                  + " belongs to another provider than "
                  + export.providerId());
    }
  }
}
