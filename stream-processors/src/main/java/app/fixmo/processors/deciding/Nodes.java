package app.fixmo.processors.deciding;

/** The names of one aggregate's topology nodes, so the builder and the processor agree. */
record Nodes(Aggregate<?> aggregate) {

  String source() {
    return aggregate.name() + "-commands";
  }

  String decider() {
    return aggregate.name() + "-decider";
  }

  String store() {
    return aggregate.storeName();
  }

  String refreshStore() {
    return aggregate.refreshStoreName();
  }

  String events() {
    return aggregate.name() + "-events-sink";
  }

  String outcomes() {
    return aggregate.name() + "-outcomes-sink";
  }

  String views() {
    return aggregate.name() + "-views-sink";
  }

  String jobs(String queue) {
    return aggregate.name() + "-jobs-" + queue + "-sink";
  }

  String scheduledJobs() {
    return aggregate.name() + "-jobs-scheduled-sink";
  }
}
