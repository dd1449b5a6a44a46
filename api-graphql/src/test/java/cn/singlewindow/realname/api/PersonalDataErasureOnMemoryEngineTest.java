package cn.singlewindow.realname.api;

/** {@link PersonalDataErasureTest} with the events in Axon's in-memory engine. */
@OnAxonInMemoryEngine
class PersonalDataErasureOnMemoryEngineTest extends PersonalDataErasureTest {
}
