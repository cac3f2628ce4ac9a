package org.pult.cache.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.pult.core.model.Channel;
import org.pult.core.model.Conversation;
import org.pult.core.model.ConversationStatus;
import org.pult.core.model.Customer;
import org.pult.core.model.Direction;
import org.pult.core.model.Message;
import org.pult.core.model.MessageKind;

/**
 * A synthetic but contact-centre-like corpus, the same for every run (fixed seed): Russian and
 * English conversations (7 : 3) with customers, phones, e-mails, companies, order numbers, and
 * message texts drawn from an inflected vocabulary with a Zipf-like word frequency (a few words
 * are in a large share of messages, most are rare), as real chat logs are.
 */
final class Corpus {

    static final String[] RU_COMMON = words("""
            и в на не что я мы вы это у меня по с за для уже ещё когда где как почему пожалуйста спасибо
            здравствуйте добрый день вас нас мне можно нужно будет есть был была было да нет так то все
            только очень сейчас сегодня завтра вчера""");
    static final String[] EN_COMMON = words("""
            the a to and of is i you it for my your we on in this that be with have not can please thanks
            hello hi was are there will just now today yesterday tomorrow do did no yes""");
    /** Russian content words, each in several forms. */
    static final String[][] RU_CONTENT = forms("""
            заказ заказа заказу заказом заказы заказов; доставка доставки доставку доставкой; оплата оплаты оплату оплатой;
            возврат возврата возвратом; счёт счета счету счетом; карта карты карту картой; курьер курьера курьеру курьером;
            посылка посылки посылку посылкой; товар товара товары товаров; адрес адреса адресу; телефон телефона телефону;
            договор договора договору; тариф тарифа тарифу тарифы; подписка подписки подписку; скидка скидки скидку скидкой;
            промокод промокода промокоду; приложение приложения приложению; пароль пароля паролю; аккаунт аккаунта аккаунту;
            заявка заявки заявку заявкой; чек чека чеку; платёж платежа платежу платежи; баланс баланса балансу;
            интернет интернета; роутер роутера роутеру; гарантия гарантии гарантию; ремонт ремонта ремонту; склад склада складе;
            магазин магазина магазине; менеджер менеджера менеджеру; клиент клиента клиенту; пункт пункта пункте; выдача выдачи;
            упаковка упаковки упаковку; размер размера размеру; цвет цвета; цена цены цену; сумма суммы сумму; деньги денег деньгами;
            срок срока сроки; неделя недели неделю; пятница пятницы пятницу; понедельник понедельника; время времени;
            ошибка ошибки ошибку ошибкой; проблема проблемы проблему; вопрос вопроса вопросу; ответ ответа ответу;
            письмо письма письму; сообщение сообщения сообщению; звонок звонка звонку; номер номера номеру;
            документ документа документы; паспорт паспорта паспортом; квитанция квитанции квитанцию; банк банка банку;
            перевод перевода переводом; кэшбэк кэшбэка; бонус бонуса бонусы; баллы баллов баллами; акция акции акцию;
            холодильник холодильника холодильнику; телевизор телевизора; ноутбук ноутбука ноутбуку; смартфон смартфона;
            наушники наушников; зарядка зарядки зарядку; кабель кабеля; экран экрана экраном; батарея батареи батарею;
            отмена отмены отмену; замена замены замену; обмен обмена обменом; претензия претензии претензию;
            жалоба жалобы жалобу; компенсация компенсации компенсацию; штраф штрафа штрафом; долг долга долгом;
            задержка задержки задержку; опоздание опоздания; повреждение повреждения; брак брака браком;
            отправить отправили отправлю; получить получили получил получила; вернуть вернули вернёте;
            оформить оформили оформила; отменить отменили отмените; проверить проверили проверьте; ждать жду ждём ждали;
            доставить доставили доставят; оплатить оплатила оплатил оплатили; списать списали списание;
            позвонить позвоните позвонили; написать напишите написали; приехать приехал приедет; перенести перенесли;
            новый новая новое новые; старый старая старые; сломанный сломан сломалась; быстрый быстро; долго долгий;
            платный бесплатно бесплатная; срочно срочный срочная; повторно повторный; полный полностью; частично частичный""");
    static final String[][] EN_CONTENT = forms("""
            order orders ordered; delivery deliveries delivered deliver; payment payments paid pay; refund refunds refunded;
            invoice invoices; card cards; courier couriers; parcel parcels; package packages; product products;
            address addresses; phone phones; contract contracts; plan plans; subscription subscriptions; discount discounts;
            coupon coupons; app application; password passwords; account accounts; ticket tickets; receipt receipts;
            balance; internet; router routers; warranty; repair repairs repaired; warehouse; store stores; manager managers;
            customer customers; pickup; packaging; size sizes; colour color; price prices; amount amounts; money;
            deadline deadlines; week weeks; friday monday; time; error errors; problem problems; question questions;
            answer answers answered; email emails; message messages; call calls called calling; number numbers;
            document documents; passport; bank banks; transfer transfers transferred; cashback; bonus bonuses; points;
            promotion promotions; fridge fridges; laptop laptops; smartphone smartphones; headphones; charger chargers;
            cable cables; screen screens; battery batteries; cancel cancelled cancellation; replacement replace replaced;
            exchange exchanged; complaint complaints; compensation; fee fees; debt; delay delays delayed; damage damaged;
            defect defective; send sent sending; receive received; return returns returned; check checked checking;
            wait waiting waited; charge charged charges; broken broke; urgent urgently; again; missing; wrong; late""");
    static final String[] RU_FIRST = words("""
            Ирина Анна Мария Елена Ольга Наталья Татьяна Екатерина Светлана Юлия Алексей Дмитрий Сергей Андрей Михаил
            Иван Николай Павел Владимир Артём Фёдор Пётр Роман Максим Денис Ксения Дарья Алёна Полина Вера""");
    static final String[] RU_LAST = words("""
            Соколов Иванов Петров Смирнов Кузнецов Попов Васильев Новиков Фёдоров Морозов Волков Алексеев Лебедев Семёнов
            Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев
            Григорьев Романов Воробьёв Сергеев Фролов Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков
            Сорокин Виноградов Ковалёв Белов Медведев Антонов Тарасов Жуков Баранов""");
    static final String[] EN_FIRST = words("""
            John Mary James Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara Richard Susan Joseph
            Jessica Thomas Sarah Charles Karen Emma Olivia Oliver Harry George Amelia Jack Sophie Noah Grace""");
    static final String[] EN_LAST = words("""
            Smith Johnson Williams Brown Jones Garcia Miller Davis Wilson Anderson Taylor Thomas Moore Jackson Martin Lee
            Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Hill Green Adams Baker Nelson
            Carter Mitchell Roberts Turner Phillips Campbell Parker Evans Edwards Collins Stewart Morris Murphy Cook""");
    static final String[] COMPANIES = words("""
            Ромашка Вектор Альфа-Трейд Гранит СеверСталь Техносфера Логистик-Плюс Меридиан Acme Globex Initech Umbrella
            Northwind Contoso Fabrikam Wayne Stark Tyrell Cyberdyne Hooli""");
    static final String[] RU_SUBJECTS = {"Заказ №%d", "Возврат заказа №%d", "Доставка задерживается", "Оплата не прошла",
            "Счёт №%d", "Вопрос по тарифу", "Жалоба на курьера", "Замена товара", "Гарантийный ремонт", "Списание с карты"};
    static final String[] EN_SUBJECTS = {"Order #%d", "Refund for order %d", "Delivery delayed", "Payment failed",
            "Invoice %d", "Question about my plan", "Complaint about the courier", "Replacement", "Warranty repair",
            "Card charged twice"};

    private final Random random;
    private final double[] ruCumulative;
    private final double[] enCumulative;
    private final String[] ruVocabulary;
    private final String[] enVocabulary;

    Corpus(long seed) {
        random = new Random(seed);
        ruVocabulary = vocabulary(RU_COMMON, RU_CONTENT);
        enVocabulary = vocabulary(EN_COMMON, EN_CONTENT);
        ruCumulative = zipf(ruVocabulary.length);
        enCumulative = zipf(enVocabulary.length);
    }

    static boolean russian(int conversationIndex) {
        return conversationIndex % 10 < 7;
    }

    Customer customer(int index) {
        boolean ru = russian(index * 2);
        Random r = new Random(index * 7919L + 17);
        String name;
        String email;
        if (ru) {
            String first = pick(r, RU_FIRST);
            String last = pick(r, RU_LAST);
            boolean female = first.endsWith("а") || first.endsWith("я");
            name = first + " " + last + (female ? "а" : "");
            email = "client" + index + "@mail.example";
        } else {
            String first = pick(r, EN_FIRST);
            String last = pick(r, EN_LAST);
            name = first + " " + last;
            email = first.toLowerCase() + "." + last.toLowerCase() + index + "@example.com";
        }
        String phone = ru
                ? String.format("+7 9%02d %03d-%02d-%02d", r.nextInt(100), r.nextInt(1000), r.nextInt(100), r.nextInt(100))
                : String.format("+1 (%03d) %03d-%04d", 200 + r.nextInt(800), r.nextInt(1000), r.nextInt(10000));
        String company = r.nextInt(10) < 3 ? (ru ? "ООО «" + pick(r, COMPANIES) + "»" : pick(r, COMPANIES) + " Ltd") : null;
        return new Customer("cust-" + index, name, phone, email, company);
    }

    Conversation conversation(int index, Instant lastActivity) {
        Customer customer = customer(index / 2);
        boolean ru = russian(index);
        String subject = random.nextInt(10) < 6
                ? String.format(pick(random, ru ? RU_SUBJECTS : EN_SUBJECTS), 100000 + random.nextInt(900000))
                : null;
        Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
        return new Conversation("conv-" + index, customer, ConversationStatus.OPEN, channel, MessageKind.TEXT, subject,
                null, lastActivity, random.nextInt(3));
    }

    List<Message> messages(int conversationIndex, int count, Instant start) {
        boolean ru = russian(conversationIndex);
        List<Message> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean inbound = i % 2 == 0;
            messages.add(new Message("msg-" + conversationIndex + "-" + i, "conv-" + conversationIndex, Channel.CHAT,
                    MessageKind.TEXT, inbound ? Direction.INBOUND : Direction.OUTBOUND,
                    inbound ? null : "Оператор", null, text(ru), start.plusSeconds(i * 30L)));
        }
        return messages;
    }

    String text(boolean ru) {
        int words = 5 + random.nextInt(31);
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                text.append(random.nextInt(12) == 0 ? ", " : " ");
            }
            int kind = random.nextInt(100);
            if (kind == 0) {
                text.append(ru ? "№" : "#").append(100000 + random.nextInt(900000));
            } else if (kind == 1) {
                text.append(100 + random.nextInt(9900)).append(ru ? " руб." : " USD");
            } else {
                text.append(word(ru));
            }
        }
        text.setCharAt(0, Character.toUpperCase(text.charAt(0)));
        return text.append(random.nextInt(4) == 0 ? "?" : ".").toString();
    }

    String word(boolean ru) {
        double[] cumulative = ru ? ruCumulative : enCumulative;
        String[] vocabulary = ru ? ruVocabulary : enVocabulary;
        int at = java.util.Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
        return vocabulary[at < 0 ? -at - 1 : at];
    }

    Random random() {
        return random;
    }

    static <T> T pick(Random random, T[] from) {
        return from[random.nextInt(from.length)];
    }

    private static String[] words(String text) {
        return text.trim().split("\\s+");
    }

    private static String[][] forms(String text) {
        String[] groups = text.split(";");
        String[][] forms = new String[groups.length][];
        for (int i = 0; i < groups.length; i++) {
            forms[i] = words(groups[i]);
        }
        return forms;
    }

    /** Common words first (most frequent), then every form of the content words in a fixed shuffle. */
    private static String[] vocabulary(String[] common, String[][] content) {
        List<String> all = new ArrayList<>(List.of(common));
        List<String> forms = new ArrayList<>();
        for (String[] group : content) {
            forms.addAll(List.of(group));
        }
        java.util.Collections.shuffle(forms, new Random(42));
        all.addAll(forms);
        return all.toArray(String[]::new);
    }

    private static double[] zipf(int size) {
        double[] cumulative = new double[size];
        double sum = 0;
        for (int rank = 1; rank <= size; rank++) {
            sum += 1.0 / rank;
            cumulative[rank - 1] = sum;
        }
        return cumulative;
    }
}
