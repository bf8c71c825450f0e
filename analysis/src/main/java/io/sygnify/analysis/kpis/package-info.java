/**
 * Domain indicators (prices, profit and loss, transactions, retail, advertising, plan against actual,
 * subscriptions), each computed only when its columns are really in the file.
 */
package io.sygnify.analysis.kpis;
