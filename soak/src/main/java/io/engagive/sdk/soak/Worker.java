package io.engagive.sdk.soak;

import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.error.EngagiveException;
import io.engagive.sdk.generated.model.SendReactionRequest;
import io.engagive.sdk.generated.model.SendTemplateRequest;
import io.engagive.sdk.generated.model.TemplateContentJson;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * One thread of calls on the shared client until told to stop: reads of every kind, sends with a recipient no other
 * send has (so the sandbox's record names it), now and then an account the user may not use. Every result is
 * checked and counted in the {@link Tally}.
 */
final class Worker implements Runnable {


    private final EngagiveClient engagive;
    private final Tally tally;
    private final BooleanSupplier running;
    private final SplittableRandom random;
    private final Duration limit;

    Worker(EngagiveClient engagive, Tally tally, BooleanSupplier running, long seed, Duration limit) {
        this.engagive = engagive;
        this.tally = tally;
        this.running = running;
        this.random = new SplittableRandom(seed);
        this.limit = limit;
    }

    @Override
    public void run() {
        while (running.getAsBoolean()) {
            int dice = random.nextInt(100);
            String account = dice < 2 ? "9" : "1";
            long started = System.nanoTime();
            String recipient = null;
            try {
                if (dice < 30) {
                    recipient = tally.nextRecipient();
                    send(account, recipient, dice % 2 == 0);
                    tally.sendEnded(recipient, SendOutcome.SENT);
                } else {
                    read(account, dice);
                }
                tally.succeeded();
            } catch (EngagiveException failure) {
                tally.failedTyped(failure);
                if (recipient != null) {
                    tally.sendEnded(recipient, SendOutcome.of(failure));
                }
                if (failure instanceof AuthenticationException auth && !auth.sentToServer()) {
                    pause();
                }
            } catch (RuntimeException | Error untyped) {
                tally.failedUntyped(untyped);
                if (recipient != null) {
                    tally.sendEnded(recipient, SendOutcome.UNKNOWN);
                }
            } finally {
                tally.took(Duration.ofNanos(System.nanoTime() - started), limit);
            }
        }
    }

    /** After a token refused locally, waits as a service would before its next call, instead of spinning. */
    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(String account, String recipient, boolean template) {
        if (template) {
            engagive.messages().sendTemplate(account, new SendTemplateRequest().to(recipient)
                    .contentJson(new TemplateContentJson().templateName("hello_world").langCode("en_US")));
        } else {
            engagive.messages().sendReaction(account, new SendReactionRequest().to(recipient)
                    .whatsappMessageId("wamid.SOAK").emoji("👍"));
        }
    }

    private void read(String account, int dice) {
        switch (dice % 6) {
            case 0 -> engagive.templates().listTemplates(account, dice % 4 == 0 ? "order 50%25 & more" : null);
            case 1 -> engagive.templates().getTemplate(account, "order_shipped");
            case 2 -> engagive.templateLookups().listTemplateCategories(account);
            case 3 -> engagive.templateLookups().listCategoryOptions(account, "UTILITY");
            case 4 -> engagive.templateContents().listContentLanguages(account, "order_shipped");
            default -> engagive.templateContents().listTemplateContents(account, "order_shipped", null);
        }
    }
}
