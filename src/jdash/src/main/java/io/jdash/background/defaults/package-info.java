/**
 * Which manager a background callback gets when it names none: {@link io.jdash.background.defaults.Managers} picks the
 * JMS + Batch one where the server has the queue, else the local one, and produces it as the injectable
 * {@code BackgroundManager}. The one package that knows both backends: uses background.jms, background.local, jobs.
 */
package io.jdash.background.defaults;
