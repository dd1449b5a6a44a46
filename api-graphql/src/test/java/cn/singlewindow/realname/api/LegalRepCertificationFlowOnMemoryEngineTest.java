package cn.singlewindow.realname.api;

/** {@link LegalRepCertificationFlowTest} with the events in Axon's in-memory engine. */
@OnAxonInMemoryEngine
class LegalRepCertificationFlowOnMemoryEngineTest extends LegalRepCertificationFlowTest {
}
