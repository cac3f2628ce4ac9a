package org.pult.hub.demo;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pult.core.model.Channel;
import org.pult.core.model.ConversationStatus;
import org.pult.core.model.Direction;
import org.pult.core.model.MessageKind;
import org.pult.core.model.Role;
import org.pult.hub.routing.QueueStore;

/**
 * The demo content a fresh hub starts with: an outsourced contact center answering for an
 * internet provider and an online shop. Times are offsets before the moment of seeding, so the
 * inbox looks live whenever the hub is first started.
 */
final class DemoInbox {

    /** Published in the README: every demo user signs in with it. */
    static final String PASSWORD = "pult-demo";

    /**
     * {@code passwordHash} is a PBKDF2 hash of {@link #PASSWORD}, made once with PasswordHasher
     * and kept here: the password is public, and hashing three users at 600,000 iterations on
     * every first start of the embedded hub cost about a second of the operator's wait.
     */
    record DemoUser(String username, String displayName, Role role, String passwordHash) {
    }

    record DemoCustomer(String name, String phone, String email, String company) {
    }

    /** One timeline entry; {@code ago} is measured back from the moment of seeding. */
    record DemoEntry(Duration ago, Channel channel, MessageKind kind, Direction direction, String subject, String body) {
    }

    record DemoConversation(String assignee, DemoCustomer customer, ConversationStatus status, int unread,
                            String subject, List<DemoEntry> entries) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("anna", "Анна Петрова", Role.OPERATOR,
                    "pbkdf2-sha256$600000$bOhgJ6EwNyVF/VFK0xUQ6Q$XsLCTalSA9H8qvEm3So9ZcrldZPhhtrwSXohNknO1fo"),
            new DemoUser("james", "James Walker", Role.OPERATOR,
                    "pbkdf2-sha256$600000$zvp+8z12kgfANeiPp5yKjQ$E24Z8cYS5Aeb52/CQ39mVqo+5DVV6NrLrfHOzf+RpoE"),
            new DemoUser("oleg", "Олег Смирнов", Role.SUPERVISOR,
                    "pbkdf2-sha256$600000$tRMU9vSIHE4GyUdNGy7yZg$JA22+nFq+UUpCW2GLGqoDAYxnLhV0rgnBaS1+h0TD3g"));

    /** The routing queues of the demo; work goes in with {@code POST /api/v1/queues/{id}/items}. */
    static final List<QueueStore.Queue> QUEUES = List.of(
            new QueueStore.Queue("support-ru", "Support RU", 1,
                    Set.of(Channel.CHAT, Channel.EMAIL, Channel.SMS, Channel.MESSENGER), Set.of("ru")),
            new QueueStore.Queue("support-en", "Support EN", 1,
                    Set.of(Channel.CHAT, Channel.EMAIL, Channel.SMS, Channel.MESSENGER), Set.of("en")),
            new QueueStore.Queue("billing", "Billing", 2, Set.of(Channel.VOICE), Set.of("billing")));

    /** Each demo user's skills with a level (1-5; stored, not yet used by the router). */
    static final Map<String, Map<String, Integer>> SKILLS = Map.of(
            "anna", Map.of("ru", 5, "en", 3, "billing", 2),
            "james", Map.of("en", 5, "billing", 4),
            "oleg", Map.of("ru", 5, "en", 4));

    private DemoInbox() {
    }

    static DemoUser user(String username) {
        return USERS.stream().filter(user -> user.username().equals(username)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No demo user " + username));
    }

    static List<DemoConversation> conversations() {
        return List.of(
                new DemoConversation("anna", new DemoCustomer("Ирина Соколова", "+79162345678", "irina.sokolova@mail.ru", null),
                        ConversationStatus.OPEN, 2, null, List.of(
                        chatIn(ofMinutes(42), "Здравствуйте! С утра не работает интернет, на роутере мигает красная лампочка."),
                        chatOut(ofMinutes(40), "Здравствуйте, Ирина! Сейчас проверю линию. Подскажите, пожалуйста, номер договора или адрес подключения."),
                        chatIn(ofMinutes(39), "Договор 4471-208, ул. Лесная, 12, кв. 45."),
                        chatOut(ofMinutes(35), "Спасибо. Вижу аварию на узле в вашем доме, бригада уже на месте. Связь восстановят в течение двух часов."),
                        chatIn(ofMinutes(7), "А перерасчёт за день без интернета будет?"),
                        chatIn(ofMinutes(6), "И напишите, пожалуйста, по SMS, когда всё заработает."))),

                new DemoConversation("anna", new DemoCustomer("Дмитрий Волков", "+79035551290", "d.volkov@yandex.ru", null),
                        ConversationStatus.WAITING, 0, null, List.of(
                        new DemoEntry(ofMinutes(190), Channel.VOICE, MessageKind.CALL_ANSWERED, Direction.INBOUND, null, null),
                        sms(ofHours(3), Direction.OUTBOUND, "Дмитрий, тариф «Домашний 500» подключён с 1-го числа, абонентская плата 690 ₽ в месяц. Спасибо, что вы с нами!"),
                        sms(ofMinutes(170), Direction.INBOUND, "Спасибо! Роутер менять не нужно?"),
                        sms(ofMinutes(165), Direction.OUTBOUND, "Не нужно, ваш роутер тянет до 1 Гбит/с. Перезагрузите его 1-го числа, и новая скорость заработает."))),

                new DemoConversation("anna", new DemoCustomer("Sarah Mitchell", "+447700900123", "sarah.mitchell@example.co.uk", null),
                        ConversationStatus.WAITING, 0, "Order #58214 arrived damaged", List.of(
                        emailIn(ofHours(5), "Order #58214 arrived damaged", """
                                Hello,

                                My order #58214 (a 27-inch monitor) arrived this morning with a cracked screen. \
                                The box was dented on one corner. Could you arrange a replacement, please?

                                Kind regards,
                                Sarah Mitchell"""),
                        emailOut(ofMinutes(260), "Re: Order #58214 arrived damaged", """
                                Dear Sarah,

                                I am sorry the monitor arrived damaged. I have arranged a free replacement: \
                                the courier brings the new monitor on Thursday between 9:00 and 13:00 and takes \
                                the damaged one away. You do not need to repack it.

                                Best regards,
                                Anna Petrova, Customer Support"""))),

                new DemoConversation("anna", new DemoCustomer("Екатерина Орлова", "+79217083314", "e.orlova@gmail.com", null),
                        ConversationStatus.OPEN, 1, "Двойное списание за октябрь", List.of(
                        emailIn(ofHours(26), "Двойное списание за октябрь", """
                                Добрый день!

                                1 октября с моей карты дважды списали абонентскую плату, 2 × 690 ₽. \
                                Договор 5520-117. Прошу вернуть лишнее списание.

                                Екатерина Орлова"""),
                        emailOut(ofHours(24), "Re: Двойное списание за октябрь", """
                                Здравствуйте, Екатерина!

                                Второе списание действительно ошибочное. Мы оформили возврат 690 ₽, \
                                деньги вернутся на карту в течение 3–5 рабочих дней. Приносим извинения за неудобства.

                                Анна Петрова, служба поддержки"""),
                        emailIn(ofMinutes(25), "Re: Двойное списание за октябрь",
                                "Деньги пришли, спасибо! Можно ли подключить автоплатёж, чтобы такое не повторилось?"))),

                new DemoConversation("anna", new DemoCustomer("John Carter", "+14155550142", "john.carter@carterlogistics.com", "Carter Logistics"),
                        ConversationStatus.OPEN, 1, null, List.of(
                        new DemoEntry(ofMinutes(12), Channel.VOICE, MessageKind.CALL_MISSED, Direction.INBOUND, null, "+14155550142"))),

                new DemoConversation("anna", new DemoCustomer("Алексей Кузнецов", "+79851204407", "kuznetsov.a@bk.ru", null),
                        ConversationStatus.CLOSED, 0, null, List.of(
                        chatIn(ofDays(2).plusMinutes(30), "Добрый вечер. Переезжаю в новую квартиру, можно перенести интернет на новый адрес?"),
                        chatOut(ofDays(2).plusMinutes(28), "Добрый вечер, Алексей! Да, переезд бесплатный. Назовите, пожалуйста, новый адрес, проверю, подключён ли дом."),
                        chatIn(ofDays(2).plusMinutes(26), "Проспект Мира, 88, кв. 17."),
                        chatOut(ofDays(2).plusMinutes(22), "Дом подключён. Записала вас на перенос в субботу с 10:00 до 14:00, мастер позвонит за час."),
                        chatIn(ofDays(2).plusMinutes(21), "Отлично, спасибо!"))),

                new DemoConversation("anna", new DemoCustomer("Emma Wilson", "+447911123456", "emma.wilson@example.co.uk", null),
                        ConversationStatus.OPEN, 0, null, List.of(
                        chatIn(ofMinutes(95), "Hi, I ordered a router on Monday (order #58390) and the tracking hasn't moved for two days. Is it lost?"),
                        chatOut(ofMinutes(93), "Hi Emma, let me check that for you."),
                        chatOut(ofMinutes(90), "The parcel is at the Leeds depot, the carrier just missed a scan. It is out for delivery tomorrow before noon."),
                        chatIn(ofMinutes(86), "Great, thanks! Will I need to sign for it?"),
                        chatOut(ofMinutes(84), "Yes, it needs a signature. If you are out, the courier leaves a card and you can pick another day online."))),

                new DemoConversation("james", new DemoCustomer("Michael Thompson", "+12125550187", "m.thompson@example.com", null),
                        ConversationStatus.OPEN, 1, null, List.of(
                        chatIn(ofMinutes(20), "Hello, my broadband drops every evening around 8 pm. I'm on Fibre 300."),
                        chatOut(ofMinutes(18), "Hi Michael, sorry about that. I can see several reconnects on your line last night. Is your computer on a cable or on Wi-Fi?"),
                        chatIn(ofMinutes(15), "Wi-Fi only, the router is in the hallway."))),

                new DemoConversation("james", new DemoCustomer("Марина Лебедева", "+79267778899", null, null),
                        ConversationStatus.WAITING, 0, null, List.of(
                        sms(ofHours(4), Direction.INBOUND, "Здравствуйте, когда придёт мастер по заявке 7731?"),
                        sms(ofMinutes(235), Direction.OUTBOUND, "Марина, мастер придёт завтра с 12:00 до 15:00 и позвонит за 30 минут."))));
    }

    private static DemoEntry chatIn(Duration ago, String body) {
        return new DemoEntry(ago, Channel.CHAT, MessageKind.TEXT, Direction.INBOUND, null, body);
    }

    private static DemoEntry chatOut(Duration ago, String body) {
        return new DemoEntry(ago, Channel.CHAT, MessageKind.TEXT, Direction.OUTBOUND, null, body);
    }

    private static DemoEntry sms(Duration ago, Direction direction, String body) {
        return new DemoEntry(ago, Channel.SMS, MessageKind.TEXT, direction, null, body);
    }

    private static DemoEntry emailIn(Duration ago, String subject, String body) {
        return new DemoEntry(ago, Channel.EMAIL, MessageKind.TEXT, Direction.INBOUND, subject, body);
    }

    private static DemoEntry emailOut(Duration ago, String subject, String body) {
        return new DemoEntry(ago, Channel.EMAIL, MessageKind.TEXT, Direction.OUTBOUND, subject, body);
    }
}
