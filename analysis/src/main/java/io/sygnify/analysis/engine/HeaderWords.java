package io.sygnify.analysis.engine;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The words of a column name as the name patterns read them: lower case, accents dropped, and the common header
 * words of German, French, Spanish, Italian, Dutch and Portuguese exports put in English, so that a bank statement's
 * {@code Betrag} and {@code Saldo} are an amount and a balance as {@code Amount} and {@code Balance} are. Only
 * for matching: reports keep the names as the file has them.
 */
public final class HeaderWords {

    // one word of a header, accents already dropped, to the English word the patterns know; only words that mean
    // one thing in every language listed ("valuta" is a value date in German, a currency in Italian: left out)
    private static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("betrag", "amount"), Map.entry("nettobetrag", "amount"), Map.entry("bruttobetrag", "amount"),
            Map.entry("montant", "amount"), Map.entry("importe", "amount"), Map.entry("importo", "amount"),
            Map.entry("bedrag", "amount"), Map.entry("monto", "amount"),
            Map.entry("saldo", "balance"), Map.entry("solde", "balance"), Map.entry("kontostand", "balance"),
            Map.entry("bestand", "stock"), Map.entry("lagerbestand", "stock"),
            Map.entry("datum", "date"), Map.entry("buchungstag", "date"), Map.entry("buchungsdatum", "date"),
            Map.entry("fecha", "date"),
            Map.entry("umsatz", "revenue"), Map.entry("umsatze", "revenue"), Map.entry("erlos", "revenue"),
            Map.entry("ingresos", "revenue"), Map.entry("ricavi", "revenue"), Map.entry("omzet", "revenue"),
            Map.entry("receita", "revenue"), Map.entry("faturamento", "revenue"),
            Map.entry("ventas", "sales"), Map.entry("vendite", "sales"), Map.entry("verkauf", "sales"),
            Map.entry("verkaufe", "sales"), Map.entry("ventes", "sales"), Map.entry("vendas", "sales"),
            Map.entry("preis", "price"), Map.entry("prix", "price"), Map.entry("precio", "price"),
            Map.entry("prezzo", "price"), Map.entry("prijs", "price"), Map.entry("preco", "price"),
            Map.entry("menge", "quantity"), Map.entry("quantite", "quantity"), Map.entry("cantidad", "quantity"),
            Map.entry("quantita", "quantity"), Map.entry("aantal", "quantity"), Map.entry("quantidade", "quantity"),
            Map.entry("anzahl", "count"),
            Map.entry("kosten", "cost"), Map.entry("cout", "cost"), Map.entry("couts", "cost"),
            Map.entry("coste", "cost"), Map.entry("costo", "cost"), Map.entry("custo", "cost"),
            Map.entry("gewinn", "profit"), Map.entry("benefice", "profit"), Map.entry("beneficio", "profit"),
            Map.entry("utile", "profit"), Map.entry("winst", "profit"), Map.entry("lucro", "profit"),
            Map.entry("kunde", "customer"), Map.entry("kundin", "customer"), Map.entry("cliente", "customer"),
            Map.entry("klant", "customer"),
            Map.entry("kategorie", "category"), Map.entry("categorie", "category"), Map.entry("categoria", "category"),
            Map.entry("produkt", "product"), Map.entry("produit", "product"), Map.entry("producto", "product"),
            Map.entry("prodotto", "product"), Map.entry("produto", "product"),
            Map.entry("filiale", "store"), Map.entry("magasin", "store"), Map.entry("tienda", "store"),
            Map.entry("negozio", "store"), Map.entry("winkel", "store"), Map.entry("loja", "store"),
            Map.entry("pays", "country"), Map.entry("pais", "country"),
            Map.entry("paese", "country"),
            Map.entry("steuer", "tax"), Map.entry("mwst", "tax"), Map.entry("tva", "tax"), Map.entry("iva", "tax"),
            Map.entry("impuesto", "tax"), Map.entry("btw", "tax"),
            Map.entry("rabatt", "discount"), Map.entry("remise", "discount"), Map.entry("descuento", "discount"),
            Map.entry("sconto", "discount"), Map.entry("korting", "discount"),
            Map.entry("gebuhr", "fee"), Map.entry("gebuehr", "fee"), Map.entry("frais", "fee"),
            Map.entry("comision", "fee"), Map.entry("commissione", "fee"),
            Map.entry("summe", "total"), Map.entry("gesamt", "total"), Map.entry("totale", "total"),
            Map.entry("totaal", "total"),
            Map.entry("einnahmen", "income"), Map.entry("ausgaben", "expense"), Map.entry("depenses", "expense"),
            Map.entry("gastos", "expense"), Map.entry("spese", "expense"), Map.entry("uitgaven", "expense"),
            Map.entry("jahr", "year"), Map.entry("geschaftsjahr", "year"), Map.entry("annee", "year"),
            Map.entry("ano", "year"), Map.entry("anno", "year"), Map.entry("jaar", "year"),
            Map.entry("dauer", "duration"), Map.entry("duree", "duration"), Map.entry("duracion", "duration"),
            Map.entry("durata", "duration"), Map.entry("duur", "duration"), Map.entry("duracao", "duration"),
            Map.entry("estado", "status"), Map.entry("stato", "status"), Map.entry("statut", "status"));

    private HeaderWords() {
    }

    /**
     * The name's words joined by {@code _}, English where the glossary has them: {@code Währung} becomes
     * {@code wahrung}, {@code Buchungstag} {@code date}, {@code Net Sales} and {@code netSales} {@code net_sales}.
     */
    public static String english(String name) {
        String split = name.strip().replaceAll("(\\p{Ll})(\\p{Lu})", "$1_$2").replace("ß", "ss");
        String plain = Normalizer.normalize(split, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(plain.split("[^a-z0-9]+")).filter(word -> !word.isEmpty())
                .map(word -> ENGLISH.getOrDefault(word, word)).collect(Collectors.joining("_"));
    }
}
