package cn.singlewindow.realname.api;

/** {@link ProjectionRebuildTest} with the events in Axon's in-memory engine. */
@OnAxonInMemoryEngine
class ProjectionRebuildOnMemoryEngineTest extends ProjectionRebuildTest {
}
