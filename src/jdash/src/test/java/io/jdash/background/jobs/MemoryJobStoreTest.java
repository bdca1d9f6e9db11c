package io.jdash.background.jobs;

class MemoryJobStoreTest extends JobStoreContract {

    @Override
    JobStore store(String boot) {
        return new MemoryJobStore(boot);
    }
}
