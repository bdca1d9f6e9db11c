package io.jdash.it;

import io.jdash.background.jms.WorkerMdb;

/** The benchmark's extra worker queues 5-8 run the product's worker (declared four times in bench-ejb-jar.xml). */
public class BenchWorker extends WorkerMdb {
}
