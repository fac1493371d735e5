package io.engagive.sdk.contract;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;

/** The verification run on a deliberately broken pact; {@link BrokenLinksIT} runs it and expects failures. */
@Provider(Contract.PROVIDER)
@PactFolder(BrokenLinksIT.BROKEN_PACT_FOLDER)
class BrokenContractVerification extends SandboxProviderStates {
}
