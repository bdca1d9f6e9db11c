package io.jdash.background.jms;

import io.jdash.background.JobHop;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The one step of the batch job "background-callback": runs the app's callback through the job runner.
 * {@link #stop()} (from {@code JobOperator.stop}) cancels it: the callback sees it at its next cancellation point.
 */
@Dependent
@Named("callbackBatchlet")
public class CallbackBatchlet extends AbstractBatchlet {

    @Inject
    @BatchProperty(name = "jobId")
    String jobId;

    @Inject
    QueueWorker worker;

    @Inject
    JobEventsTopic topic;

    @Override
    public String process() {
        JobHop.mark(jobId, JobHop.BATCHLET);
        QueueWorker.Handoff handoff = worker.handoff(jobId);
        String end = worker.runner().run(handoff.spec(), handoff.execution(), topic.workerSink()).name();
        handoff.reported().set(true);
        return end;
    }

    /** JBeret stops the execution: our own cancel asked for it, or the container does on undeploy. */
    @Override
    public void stop() {
        worker.stoppedByContainer(jobId);
        worker.cancel(jobId);
    }
}
