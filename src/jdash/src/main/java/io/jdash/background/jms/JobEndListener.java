package io.jdash.background.jms;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Tells the waiting worker MDB that its batch job has ended, however it ended. */
@Dependent
@Named("jobEndListener")
public class JobEndListener extends AbstractJobListener {

    @Inject
    @BatchProperty(name = "jobId")
    String jobId;

    @Inject
    QueueWorker worker;

    @Override
    public void afterJob() {
        worker.ended(jobId);
    }
}
