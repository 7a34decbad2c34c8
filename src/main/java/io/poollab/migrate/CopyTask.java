package io.poollab.migrate;

import io.poollab.db.KeyRange;

/** One partition of one table, waiting for a worker. */
record CopyTask(TableState table, int partition, KeyRange range) {

    String describe() {
        return table.plan.label() + " " + range;
    }
}
