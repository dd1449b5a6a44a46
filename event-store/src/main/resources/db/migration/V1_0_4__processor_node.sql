-- Nodes running the event processors, each seen every few seconds: a node that holds more than its share of the
-- processor's segments releases some, so that several nodes split the work (SegmentBalancer).
CREATE TABLE processor_node (
    node_id VARCHAR(255) PRIMARY KEY,
    seen_at TIMESTAMPTZ  NOT NULL
);
