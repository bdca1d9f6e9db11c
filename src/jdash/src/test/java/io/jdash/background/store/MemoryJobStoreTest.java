package io.jdash.background.store;

class MemoryJobStoreTest extends JobStoreContract {

    @Override
    JobStore store(String boot) {
        return new MemoryJobStore(boot);
    }
}
