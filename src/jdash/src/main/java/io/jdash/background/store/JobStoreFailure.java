package io.jdash.background.store;

/** The job store's database failed; the job cannot be accepted or its end cannot be kept. */
public class JobStoreFailure extends RuntimeException {

    JobStoreFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
