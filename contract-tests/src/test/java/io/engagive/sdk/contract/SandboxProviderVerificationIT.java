package io.engagive.sdk.contract;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;

/**
 * Verifies every interaction of the pacts the consumer tests wrote against the test-kit sandbox;
 * after each interaction the sandbox's own spec check must be clean.
 */
@Provider(Contract.PROVIDER)
@PactFolder("target/pacts")
class SandboxProviderVerificationIT extends SandboxProviderStates {
}
