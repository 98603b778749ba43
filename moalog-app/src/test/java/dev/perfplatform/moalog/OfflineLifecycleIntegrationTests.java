package dev.perfplatform.moalog;

/** The lifecycle with the offline model (the tests' default). */
class OfflineLifecycleIntegrationTests extends LifecycleContract {

    @Override
    protected String model() {
        return "offline";
    }
}
