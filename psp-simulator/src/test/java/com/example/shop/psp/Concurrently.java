package com.example.shop.psp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Starts {@code callers} calls at the same moment and collects their answers, in order. */
public final class Concurrently {

    private Concurrently() {
    }

    public interface Call<T> {
        T call(int caller) throws Exception;
    }

    public static <T> List<T> run(int callers, Call<T> call) throws InterruptedException, ExecutionException {
        var start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(callers)) {
            for (int i = 0; i < callers; i++) {
                int caller = i;
                Callable<T> task = () -> {
                    start.await();
                    return call.call(caller);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (var future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
