# fairdesk assistant replies — Polish (forma „ty”, zaimki wielką literą). Same message ids as en.ftl.
# Variables arrive pre-formatted ($amount, $date are locale-correct strings computed from the ledger).
# Merchant names cannot be declined, so they follow "sklep": "w sklepie { $merchant }", "do sklepu { $merchant }".

welcome = Cześć, { $name }! Jestem asystentem AI fairdesk – nie człowiekiem. Mogę pomóc w sprawie płatności, zwrotów pieniędzy, zwrotów towaru i Twoich planów spłat. W każdej chwili napisz „człowiek” lub „human”, a rozmowę przejmie konsultant.
greeting = Cześć! W czym mogę Ci dziś pomóc w sprawie zakupów lub płatności?
thanks-goodbye = Nie ma za co! Miłego dnia.
not-understood = Przepraszam, nie zrozumiałem. Możesz napisać to inaczej? Możesz też napisać „człowiek” lub „human”, aby porozmawiać z konsultantem.
message-too-long = Ta wiadomość jest dla mnie za długa (maksymalnie { $max } znaków). Możesz ją skrócić?
sensitive-masked = Dla Twojego bezpieczeństwa ukryłem wpisany numer karty lub numer PESEL. Nigdy nie podawaj na czacie numerów kart ani numerów PESEL.

handoff-queued = Łączę Cię teraz z konsultantem. Twoje miejsce w kolejce: { $position }. Konsultant zobaczy całą naszą rozmowę.
handoff-already = Czekasz już w kolejce do konsultanta (miejsce { $position }). Konsultant odezwie się najszybciej, jak to możliwe.
handoff-ack-hardship = Przykro mi, że przechodzisz przez trudny czas, i dziękuję, że nam o tym piszesz. Konsultant sprawdzi razem z Tobą, jakie są możliwości.
handoff-ack-fraud = Rozumiem, że to niepokojące. Konsultant z naszego zespołu ds. oszustw od razu się tym zajmie.
fraud-purchase = Chodzi o Twój zakup w { $merchant } na kwotę { $amount } z dnia { $date }.
handoff-ack-complaint = Przykro mi, że Cię zawiedliśmy. Konsultant zajmie się Twoją reklamacją.
handoff-ack-frustration = Przykro mi, że to było dla Ciebie tak frustrujące.
handback = Cześć, tu znowu asystent AI. Czy mogę pomóc w czymś jeszcze?

choose-order = O który zakup chodzi: { $orders }?
choice-or = czy
order-choice = { $merchant } · { $amount } · { $date }
no-orders = Nie widzę żadnych zakupów na Twoim koncie.
no-matching-orders = Żadnego z Twoich zakupów nie można teraz do tego użyć.

order-status = Twój zakup w sklepie { $merchant } ({ $item }, { $amount }) został dokonany { $date }. { $state }
state-active-shipped = Towar został wysłany { $shipped }, a plan spłat jest aktywny.
state-active-unshipped = Sklep nie oznaczył jeszcze zamówienia jako wysłanego.
shipment-tracking = Przesyłką zajmuje się { $carrier }, numer do śledzenia: { $tracking }.
shipment-carrier = Przesyłką zajmuje się { $carrier }.
shipment-delivered = Towar został doręczony { $date }.
shipment-on-its-way = Towar nie został jeszcze oznaczony jako doręczony.
state-paid-off = Zakup jest w całości spłacony.
state-refunded = Pieniądze za zakup zostały zwrócone w całości.
state-cancelled = Zakup został anulowany.
state-paused-return = Płatności są wstrzymane do { $until } z powodu zwrotu.
state-paused-dispute = Płatności są wstrzymane, dopóki wyjaśniamy zgłoszony przez Ciebie problem.

next-payment = Twoja następna płatność za zakup w sklepie { $merchant } wynosi { $amount }, termin płatności: { $date }.
next-payment-overdue = Termin Twojej płatności { $amount } za zakup w sklepie { $merchant } minął { $date } i płatność jest zaległa.
next-payment-others = Potem czekają Cię jeszcze płatności za inne zakupy (liczba zakupów: { $count }).
next-payment-nothing = Nie masz już żadnych płatności do uregulowania.
next-payment-none = Nie masz już żadnych płatności za zakup w sklepie { $merchant }.
balance-remaining = Za zakup w sklepie { $merchant } zostało Ci do zapłaty { $amount }. Liczba pozostałych płatności: { $count }.
balance-total = Łącznie zostało Ci do zapłaty { $amount }. Liczba zakupów z kwotą do zapłaty: { $count }.
balance-nothing = Nie masz już nic do zapłaty.
balance-next = Twoja następna płatność to { $amount } za zakup w sklepie { $merchant }, termin płatności: { $date }.
balance-next-overdue = Termin Twojej płatności { $amount } za zakup w sklepie { $merchant } minął { $date } i płatność jest zaległa.

pay-now-confirm = Czy mam teraz zapłacić ratę nr { $seq } w wysokości { $amount } za zakup w sklepie { $merchant } zapisaną kartą? (Termin płatności: { $date }.)
pay-now-done = Gotowe – zapłacono { $amount } za zakup w sklepie { $merchant }.
pay-off-confirm = Spłata całego zakupu w sklepie { $merchant } dzisiaj kosztuje { $amount }. { $saved } Czy mam kontynuować?
pay-off-saved = Dzięki temu oszczędzasz { $saved } na odsetkach.
pay-off-done = Gotowe – zakup w sklepie { $merchant } jest spłacony.
move-date-confirm = Mogę przesunąć Twoją płatność { $amount } za zakup w sklepie { $merchant } z { $from } na { $to }. Czy mam to zrobić?
move-date-done = Gotowe – nowy termin Twojej płatności to { $date }.
move-date-not-possible = Nie mogę przesunąć tej płatności za zakup w sklepie { $merchant }: { $reason }
move-date-limit = płatność można przesunąć tylko raz, maksymalnie o { $days } dni i nigdy poza termin następnej płatności.
move-date-last = to ostatnia płatność w planie spłat (termin: { $date }), a ostatniego terminu planu nie można przesunąć.
move-date-moved-once = została już raz przesunięta (obecny termin: { $date }), a każdą płatność można przesunąć tylko raz.
move-date-latest-confirm = Najpóźniejszy termin, na jaki mogę przesunąć Twoją płatność { $amount }, to { $to } (obecnie { $from }). Czy mam przesunąć ją na { $to }?
move-date-person = Jeśli potrzebujesz więcej czasu, konsultant może przyjrzeć się temu razem z Tobą. Czy połączyć Cię z konsultantem?

refund-status-some = Za zakup w sklepie { $merchant } zwrócono Ci dotąd { $refunded }.{ $paid_back }
refund-paid-back = { " " }Z tej kwoty { $amount } trafiło z powrotem na Twoją kartę.
refund-date = Ostatni zwrot pieniędzy nastąpił { $date }.
refund-still-owed = Za ten zakup zostało Ci jeszcze do zapłaty { $owed } (liczba pozostałych płatności: { $count }).
refund-nothing-owed = Za ten zakup nie masz już nic do zapłaty.
refund-status-none = Za zakup w sklepie { $merchant } nie ma jeszcze zwrotu pieniędzy. Jeśli towar został już odesłany, zwrot pojawi się, gdy sklep potwierdzi jego odbiór.
refund-return-pending = Twój zwrot do sklepu { $merchant } jest zarejestrowany (rozpoczęty { $date }). Płatności są wstrzymane do { $until }, aby sklep zdążył odebrać towar.

return-confirm = Czy mam zarejestrować zwrot do sklepu { $merchant }? Twoje płatności zostaną wstrzymane na czas odbioru towaru przez sklep, maksymalnie na { $days } dni.
return-done = Twój zwrot jest zarejestrowany. Odeślij towar do sklepu { $merchant }. Gdy sklep potwierdzi odbiór, zwrot zmniejszy kwotę do zapłaty. Płatności są wstrzymane do { $until }.
problem-confirm = Przykro mi. Czy mam otworzyć zgłoszenie w sklepie { $merchant } i wstrzymać Twoje płatności, dopóki to wyjaśniamy?
problem-done = Otworzyłem zgłoszenie w sklepie { $merchant } i wstrzymałem Twoje płatności. Odezwiemy się do Ciebie. Dopóki zgłoszenie jest otwarte, nie naliczymy opłat za opóźnienie.
cancel-confirm = Czy mam anulować Twój zakup za { $amount } w sklepie { $merchant }?
cancel-done = Gotowe – zakup w sklepie { $merchant } został anulowany i nie masz nic do zapłaty.
cancel-not-possible = Za zakup w sklepie { $merchant } pobrano już płatność, więc nie można go już anulować – ale możesz go zwrócić. Czy mam zarejestrować zwrot?

late-fee-explain = Do Twojej płatności za zakup w sklepie { $merchant } z terminem { $date } doliczono opłatę za opóźnienie w wysokości { $fee }, ponieważ { $grace } dni po terminie nadal była nieopłacona.
late-fee-waive-confirm = Jednorazowo, w geście dobrej woli, mogę usunąć tę opłatę w wysokości { $fee }. Czy mam to zrobić?
late-fee-waived = Gotowe – opłata w wysokości { $fee } została usunięta.
late-fee-was-paid = Ta opłata została już zapłacona, więc nie masz z jej tytułu nic więcej do zapłaty.
late-fee-refund-confirm = Ta opłata została zapłacona razem z ratą. Jednorazowo, w geście dobrej woli, mogę ją anulować i zwrócić Ci { $fee }. Czy mam to zrobić?
late-fee-was-waived = Ta opłata została usunięta, więc nie musisz jej płacić.
late-fee-none = Nie masz żadnych opłat za opóźnienie.
late-fee-no-waiver = Nie mogę usunąć tej opłaty: jednorazowe anulowanie opłaty zostało już wykorzystane. Jeśli chcesz, połączę Cię z konsultantem.

payment-failed = Twoja płatność { $amount } za zakup w sklepie { $merchant } z terminem { $date } nie przeszła. Zaktualizuj kartę przez ten bezpieczny link: { $link } – potem spróbuję ponownie pobrać płatność.
decline-card-expired = Powód: Twoja zapisana karta straciła ważność.
decline-insufficient-funds = Powód: bank odrzucił płatność z powodu braku wystarczających środków.
decline-card-blocked = Powód: karta jest zablokowana.
decline-bank-declined = Powód: Twój bank odrzucił płatność.
payment-failed-retry = Kolejna automatyczna próba pobrania płatności nastąpi { $date }.
payment-failed-none = Nie widzę na Twoim koncie żadnych nieudanych płatności.
update-payment-method = Dla Twojego bezpieczeństwa nigdy nie przyjmuję numerów kart na czacie. Zaktualizuj kartę przez ten bezpieczny link: { $link }
interest-cost = { $merchant }: { $plan }, RRSO { $apr } (oprocentowanie nominalne { $nominal }), całkowity koszt kredytu { $cost }, całkowita kwota do zapłaty { $total }.
interest-schedule = Oznacza to raty po { $amount } (liczba rat: { $count }), a termin pierwszej raty to { $first }.
plan-pay-in-4 = zapłać w 4 ratach
plan-pay-in-30 = zapłać za 30 dni
plan-financing = finansowanie na { $months } mies.

account-close-confirm = Nie masz nic do spłacenia, więc Twoje konto można zamknąć. Czy mam je teraz zamknąć? Potem nie będzie można już nim płacić za zakupy.
account-close-done = Gotowe – Twoje konto jest zamknięte, a ta rozmowa również została zakończona. Dziękujemy, że byłeś z nami.
account-close-already = Twoje konto jest już zamknięte.
account-close-outstanding = Masz jeszcze { $amount } do spłaty, więc konta nie można jeszcze zamknąć. Gdy wszystko zostanie spłacone, będzie to możliwe.
personal-details = Adres, e-mail lub numer telefonu możesz bezpiecznie zmienić tutaj: { $link }
contact-email = Adres e-mail zapisany na Twoim koncie to { $email }.
contact-phone = Numer telefonu zapisany na Twoim koncie kończy się na { $phone }.
contact-none = Na Twoim koncie nie ma zapisanego adresu e-mail ani numeru telefonu.
out-of-scope = W tym niestety nie mogę pomóc – jestem tu, aby pomagać w sprawie zakupów i płatności. Czy połączyć Cię z konsultantem?
out-of-scope-part = W części Twojej wiadomości niestety nie pomogę – jestem tu w sprawie Twoich zakupów i płatności. Co do reszty:
quick-next-payment = Moja następna płatność
quick-order-status = Gdzie moje zamówienie?
quick-person = Rozmowa z konsultantem
only-own-purchases = Mogę pomóc tylko w sprawie Twoich własnych zakupów i Twojego konta – nie cudzych. Jeśli chodzi o coś Twojego, chętnie pomogę.
no-role-play = Nie mogę zmienić sposobu działania ani odgrywać innej roli, a moje zasady pozostają takie same. Chętnie za to pomogę w sprawie Twoich zakupów.
no-special-powers = Nie mogę nikomu nadać na tym czacie specjalnych uprawnień, niezależnie od tego, za kogo się podaje. W sprawie Twoich własnych zakupów mogę pomóc jak zwykle.
how-it-works-none = Nie mam artykułu na ten temat. Czy połączyć Cię z konsultantem?

confirm-expired = To potwierdzenie wygasło, więc niczego nie zrobiłem. Zacznijmy od nowa.
confirm-declined = W porządku, nic nie zrobię.
confirm-unclear = Dla pewności: czy mam to zrobić? Odpowiedz tak lub nie.
two-errands-later = Zaraz potem zajmę się Twoją drugą sprawą.
action-failed = Nie udało mi się tego zrobić: { $reason }
complaint-registered = Zarejestrowałem Twoją reklamację pod numerem { $reference }. Konsultant skontaktuje się z Tobą.
quick-yes = Tak
quick-no = Nie
slow-down = Wysyłasz wiadomości bardzo szybko. Poczekaj chwilę i spróbuj ponownie.

person-joined = { $name } (konsultant) dołącza do czatu.
person-closed = { $name } kończy rozmowę. Dziękujemy za kontakt.
snippet-hello = Cześć, tu { $name }. Znam już Twoją rozmowę z asystentem i pomogę Ci dalej.
snippet-checking = Dziękuję. Daj mi chwilę, sprawdzę to.
snippet-anything-else = Czy mogę pomóc w czymś jeszcze?

# The chat widget's own words (issue 12): labels, buttons, status lines, the rating. $position and
# $reason are filled in by the server; $minutes is a number (plural forms); $name is the person's name.
widget-page-title = Czat z obsługą klienta
widget-launcher = Napisz do nas
widget-title = Obsługa klienta
widget-disclosure = Rozmawiasz z asystentem AI, nie z człowiekiem. Konsultant przejmie rozmowę, kiedy tylko poprosisz.
widget-person = Rozmowa z konsultantem
widget-close = Zamknij czat
widget-language = Język
widget-language-change = Zmień
widget-conversation = Rozmowa
widget-suggested = Proponowane odpowiedzi
widget-message = Twoja wiadomość
widget-send = Wyślij
widget-you = Ty
widget-bot = Asystent AI
widget-agent = Konsultant
widget-typing = { $name } pisze…
widget-typing-person = Konsultant pisze…
widget-queued = Czekasz na konsultanta: jesteś { $position }. w kolejce.
widget-queued-unknown = Czekasz na konsultanta.
widget-wait = { $minutes ->
    [one] Przewidywany czas oczekiwania: około minuty.
   *[other] Przewidywany czas oczekiwania: około { $minutes } min.
}
widget-wait-unknown = Przewidywany czas oczekiwania: kilka minut.
widget-human = Konsultant jest teraz z Tobą.
widget-closed = Ta rozmowa jest zakończona.
widget-not-sent = Nie wysłano: { $reason }
widget-not-started = Nie udało się uruchomić czatu: { $reason }
widget-rating-title = Jak nam poszło?
widget-rating-scale = 1 to bardzo niezadowolony, 5 to bardzo zadowolony.
widget-rating-1 = bardzo niezadowolony
widget-rating-2 = niezadowolony
widget-rating-3 = ani zadowolony, ani niezadowolony
widget-rating-4 = zadowolony
widget-rating-5 = bardzo zadowolony
widget-rating-thanks = Dziękujemy za ocenę.
widget-rating-not-saved = Twoja ocena nie została zapisana: { $reason }
