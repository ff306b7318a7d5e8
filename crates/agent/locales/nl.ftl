# fairdesk assistant replies — Dutch (je-vorm). Same message ids as en.ftl.
# Variables arrive pre-formatted ($amount, $date are locale-correct strings computed from the ledger).
# The handoff word is "medewerker": the lexicon in crates/understand matches it, a bare "mens" it does not.

welcome = Hoi { $name }! Ik ben de AI-assistent van fairdesk – geen mens. Ik help je met betalingen, terugbetalingen, retouren en je betaalplannen. Typ op elk moment "medewerker" of "human", dan neemt een medewerker het over.
greeting = Hallo! Waarmee kan ik je vandaag helpen bij je aankopen of betalingen?
thanks-goodbye = Graag gedaan! Fijne dag nog.
not-understood = Sorry, dat begreep ik niet. Kun je het anders zeggen? Je kunt ook "medewerker" of "human" typen om met een echt persoon te praten.
message-too-long = Dat bericht is te lang voor mij (maximaal { $max } tekens). Kun je het korter maken?
sensitive-masked = Voor je veiligheid heb ik het kaart- of identiteitsnummer dat je typte verborgen. Deel nooit kaartnummers of identiteitsnummers in de chat.

handoff-queued = Ik verbind je nu met een medewerker. Je bent nummer { $position } in de wachtrij, en de medewerker ziet ons hele gesprek.
handoff-already = Je staat in de wachtrij voor een medewerker (nummer { $position }). Je wordt zo snel mogelijk geholpen.
handoff-ack-hardship = Wat vervelend dat je dit meemaakt, en bedankt dat je het ons vertelt. Een medewerker kijkt samen met je wat er mogelijk is.
handoff-ack-fraud = Ik begrijp dat dit zorgen geeft. Een medewerker van ons fraudeteam bekijkt het meteen.
fraud-purchase = Het gaat om je aankoop bij { $merchant } van { $amount } op { $date }.
handoff-ack-complaint = Het spijt me dat we je hebben teleurgesteld. Een medewerker behandelt je klacht.
handoff-ack-frustration = Wat vervelend dat dit zo frustrerend is geweest.
handback = Hoi, je praat weer met de AI-assistent. Kan ik je nog ergens anders mee helpen?

choose-order = Welke aankoop bedoel je: { $orders }?
choice-or = of
order-choice = { $merchant } · { $amount } · { $date }
no-orders = Ik kan geen aankopen op je account vinden.
no-matching-orders = Geen van je aankopen kan daar nu voor worden gebruikt.

order-status = Je aankoop bij { $merchant } ({ $item }, { $amount }) is gedaan op { $date }. { $state }
state-active-shipped = De bestelling is op { $shipped } verzonden en het betaalplan loopt.
state-active-unshipped = De winkel heeft de bestelling nog niet als verzonden gemarkeerd.
shipment-tracking = De vervoerder is { $carrier } en het trackingnummer is { $tracking }.
shipment-carrier = De vervoerder is { $carrier }.
shipment-delivered = De bestelling is op { $date } bezorgd.
shipment-on-its-way = De bestelling is nog niet als bezorgd gemarkeerd.
state-paid-off = De aankoop is volledig betaald.
state-refunded = De aankoop is volledig terugbetaald.
state-cancelled = De aankoop is geannuleerd.
state-paused-return = De betalingen staan tot { $until } op pauze vanwege een retour.
state-paused-dispute = De betalingen staan op pauze terwijl we het probleem onderzoeken dat je hebt gemeld.

next-payment = Je volgende betaling voor { $merchant } is { $amount } en vervalt op { $date }.
next-payment-overdue = Je betaling van { $amount } voor { $merchant } verviel op { $date } en is inmiddels achterstallig.
next-payment-others = Daarna heb je nog betalingen voor andere aankopen (aantal aankopen: { $count }).
next-payment-nothing = Je hebt geen betalingen meer openstaan.
next-payment-none = Je hebt geen betalingen meer openstaan voor { $merchant }.
balance-remaining = Je moet voor { $merchant } nog { $amount } betalen. Aantal resterende betalingen: { $count }.
balance-total = In totaal moet je nog { $amount } betalen. Aantal aankopen met een openstaand bedrag: { $count }.
balance-nothing = Je hoeft niets meer te betalen.
balance-next = Je volgende betaling is { $amount } voor { $merchant } en vervalt op { $date }.
balance-next-overdue = Je betaling van { $amount } voor { $merchant } verviel op { $date } en is inmiddels achterstallig.

pay-now-confirm = Zal ik termijn { $seq } van { $amount } voor { $merchant } nu betalen met je opgeslagen kaart? (Deze vervalt op { $date }.)
pay-now-done = Klaar – { $amount } betaald voor { $merchant }.
pay-off-confirm = Je aankoop bij { $merchant } vandaag in één keer aflossen kost { $amount }. { $saved } Zal ik doorgaan?
pay-off-saved = Daarmee bespaar je { $saved } aan rente.
pay-off-done = Klaar – je aankoop bij { $merchant } is volledig afgelost.
move-date-confirm = Ik kan je betaling van { $amount } voor { $merchant } verplaatsen van { $from } naar { $to }. Zal ik dat doen?
move-date-done = Klaar – je betaling vervalt nu op { $date }.
move-date-not-possible = Ik kan die betaling voor { $merchant } niet verplaatsen: { $reason }
move-date-limit = een betaling kan één keer worden verplaatst, met maximaal { $days } dagen, en nooit voorbij de datum van de volgende betaling.
move-date-last = het is de laatste betaling van het betaalplan (vervalt op { $date }), en de laatste datum van een plan kan niet worden verplaatst.
move-date-moved-once = de betaling is al een keer verplaatst (ze vervalt nu op { $date }), en elke betaling kan maar één keer worden verplaatst.
move-date-latest-confirm = De laatste datum waarnaar ik je betaling van { $amount } kan verplaatsen, is { $to } (nu { $from }). Zal ik de betaling naar { $to } verplaatsen?
move-date-person = Heb je meer tijd nodig, dan kan een medewerker samen met je kijken wat er kan. Wil je dat ik je met een medewerker verbind?

refund-status-some = Voor { $merchant } heb je tot nu toe { $refunded } terugbetaald gekregen.{ $paid_back }
refund-paid-back = { " " }Daarvan is { $amount } teruggestort op je kaart.
refund-date = De laatste terugbetaling was op { $date }.
refund-still-owed = Je moet voor deze aankoop nog { $owed } betalen (aantal resterende betalingen: { $count }).
refund-nothing-owed = Je hoeft voor deze aankoop niets meer te betalen.
refund-status-none = Er is nog geen terugbetaling voor { $merchant }. Als je het artikel hebt geretourneerd, volgt de terugbetaling zodra de winkel bevestigt dat ze het hebben ontvangen.
refund-return-pending = Je retour naar { $merchant } is geregistreerd (gestart op { $date }). De betalingen staan tot { $until } op pauze terwijl de winkel het artikel ontvangt.

return-confirm = Zal ik een retour registreren voor { $merchant }? Je betalingen worden dan maximaal { $days } dagen gepauzeerd terwijl de winkel het artikel ontvangt.
return-done = Je retour is geregistreerd. Stuur het artikel terug naar { $merchant }. Zodra de winkel de ontvangst bevestigt, wordt de terugbetaling afgetrokken van wat je nog moet betalen. De betalingen staan tot { $until } op pauze.
problem-confirm = Wat vervelend. Zal ik een zaak openen bij { $merchant } en je betalingen pauzeren terwijl we het uitzoeken?
problem-done = Ik heb een zaak geopend bij { $merchant } en je betalingen gepauzeerd. We nemen contact met je op. Zolang de zaak openstaat, betaal je geen kosten voor te late betaling.
cancel-confirm = Zal ik je aankoop van { $amount } bij { $merchant } annuleren?
cancel-done = Klaar – de aankoop bij { $merchant } is geannuleerd en je hoeft er niets voor te betalen.
cancel-not-possible = Er is al een betaling afgeschreven voor { $merchant }, dus de aankoop kan niet meer worden geannuleerd – maar je kunt hem wel retourneren. Zal ik een retour registreren?

late-fee-explain = Er zijn kosten voor te late betaling van { $fee } toegevoegd aan je betaling voor { $merchant } die op { $date } verviel, omdat die { $grace } dagen na de vervaldatum nog niet betaald was.
late-fee-waive-confirm = Als eenmalig gebaar van goede wil kan ik die kosten van { $fee } schrappen. Zal ik dat doen?
late-fee-waived = Klaar – de kosten van { $fee } zijn geschrapt.
late-fee-was-paid = Die kosten zijn al betaald, dus je hoeft er niets meer voor te betalen.
late-fee-refund-confirm = Die kosten zijn met de termijn betaald. Als eenmalig gebaar van goede wil kan ik ze kwijtschelden en de { $fee } aan je terugbetalen. Zal ik dat doen?
late-fee-was-waived = Die kosten zijn kwijtgescholden, dus je hoeft ze niet te betalen.
late-fee-none = Je hebt geen kosten voor te late betaling.
late-fee-no-waiver = Ik kan deze kosten niet schrappen: de eenmalige kwijtschelding is al gebruikt. Als je wilt, verbind ik je met een medewerker.

payment-failed = Je betaling van { $amount } voor { $merchant }, die op { $date } verviel, is niet gelukt. Werk je kaart bij via deze beveiligde link: { $link } – daarna kan ik de betaling opnieuw proberen.
decline-card-expired = De reden: je opgeslagen kaart is verlopen.
decline-insufficient-funds = De reden: de bank heeft de betaling geweigerd wegens onvoldoende saldo.
decline-card-blocked = De reden: de kaart is geblokkeerd.
decline-bank-declined = De reden: je bank heeft de betaling geweigerd.
payment-failed-retry = Op { $date } proberen we de betaling automatisch opnieuw af te schrijven.
payment-failed-none = Ik zie geen mislukte betalingen op je account.
update-payment-method = Voor je veiligheid neem ik nooit kaartnummers aan in de chat. Werk je kaart bij via deze beveiligde link: { $link }
interest-cost = { $merchant }: { $plan }, jaarlijks kostenpercentage { $apr } (debetrente { $nominal }), totale kosten van het krediet { $cost }, totaal te betalen { $total }.
interest-schedule = Dat komt neer op { $amount } per betaling (aantal betalingen: { $count }), de eerste met vervaldatum { $first }.
plan-pay-in-4 = betaal in 4 delen
plan-pay-in-30 = betaal binnen 30 dagen
plan-financing = financiering over { $months } maanden

account-close-confirm = Je hebt geen openstaand bedrag, dus je account kan worden gesloten. Zal ik het nu sluiten? Daarna kun je er niet meer mee kopen.
account-close-done = Klaar – je account is gesloten, en dit gesprek is ook afgesloten. Bedankt dat je klant bij ons was.
account-close-already = Je account is al gesloten.
account-close-outstanding = Je hebt nog { $amount } openstaan, dus het account kan nog niet worden gesloten. Zodra alles betaald is, kan dat wel.
personal-details = Je kunt je adres, e-mailadres of telefoonnummer hier veilig wijzigen: { $link }
contact-email = Het e-mailadres dat we van je hebben, is { $email }.
contact-phone = Het telefoonnummer dat we van je hebben, eindigt op { $phone }.
contact-none = Er staat geen e-mailadres of telefoonnummer van je geregistreerd.
out-of-scope = Daar kan ik je helaas niet mee helpen – ik ben er voor je aankopen en betalingen. Wil je dat ik je met een medewerker verbind?
out-of-scope-part = Met een deel van je bericht kan ik je helaas niet helpen – ik ben er voor je aankopen en betalingen. Wat de rest betreft:
quick-next-payment = Mijn volgende betaling
quick-order-status = Waar is mijn bestelling?
quick-person = Chat met een medewerker
only-own-purchases = Ik kan je alleen helpen met je eigen aankopen en je eigen account – niet met die van iemand anders. Gaat het om iets van jezelf, dan help ik je graag.
no-role-play = Ik kan niet veranderen hoe ik werk of een andere rol spelen, en mijn regels blijven hetzelfde. Met je aankopen help ik je wel graag.
no-special-powers = Ik kan in deze chat niemand speciale rechten geven, wie diegene ook zegt te zijn. Met je eigen aankopen help ik je gewoon zoals altijd.
how-it-works-none = Daar heb ik geen artikel over. Wil je dat ik je met een medewerker verbind?

confirm-expired = Die bevestiging is verlopen, dus ik heb niets gedaan. Laten we opnieuw beginnen.
confirm-declined = Oké, dan doe ik niets.
confirm-unclear = Even voor de zekerheid: zal ik dat doen? Antwoord met ja of nee.
two-errands-later = Daarna kom ik bij je andere vraag.
action-failed = Dat is me niet gelukt: { $reason }
complaint-registered = Ik heb je klacht geregistreerd met referentie { $reference }. Een medewerker neemt contact met je op.
quick-yes = Ja
quick-no = Nee
slow-down = Je stuurt heel snel berichten. Wacht even en probeer het dan opnieuw.

person-joined = { $name } (een mens) neemt nu deel aan de chat.
person-closed = { $name } heeft het gesprek afgesloten. Bedankt dat je contact met ons opnam.
snippet-hello = Hoi, ik ben { $name }. Ik heb je gesprek met de assistent gelezen en help je vanaf hier verder.
snippet-checking = Bedankt. Een moment, ik zoek het voor je uit.
snippet-anything-else = Kan ik je nog ergens anders mee helpen?

# The chat widget's own words (issue 12): labels, buttons, status lines, the rating. $position and
# $reason are filled in by the server; $minutes is a number (plural forms); $name is the person's name.
widget-page-title = Klantenservicechat
widget-launcher = Chat met ons
widget-title = Klantenservice
widget-disclosure = Je chat met een AI-assistent, niet met een mens. Een medewerker neemt het over wanneer je dat vraagt.
widget-person = Chat met een medewerker
widget-close = Chat sluiten
widget-language = Taal
widget-language-change = Wijzigen
widget-conversation = Gesprek
widget-suggested = Voorgestelde antwoorden
widget-message = Je bericht
widget-send = Versturen
widget-you = Jij
widget-bot = AI-assistent
widget-agent = Medewerker
widget-typing = { $name } typt…
widget-typing-person = Een medewerker typt…
widget-queued = Wachten op een medewerker: je bent nummer { $position } in de wachtrij.
widget-queued-unknown = Wachten op een medewerker.
widget-wait = { $minutes ->
    [one] Verwachte wachttijd: ongeveer een minuut.
   *[other] Verwachte wachttijd: ongeveer { $minutes } minuten.
}
widget-wait-unknown = Verwachte wachttijd: een paar minuten.
widget-human = Er is nu een medewerker bij je.
widget-closed = Dit gesprek is afgesloten.
widget-not-sent = Niet verstuurd: { $reason }
widget-not-started = De chat kon niet starten: { $reason }
widget-rating-title = Hoe hebben we het gedaan?
widget-rating-scale = 1 is zeer ontevreden, 5 is zeer tevreden.
widget-rating-1 = zeer ontevreden
widget-rating-2 = ontevreden
widget-rating-3 = niet tevreden en niet ontevreden
widget-rating-4 = tevreden
widget-rating-5 = zeer tevreden
widget-rating-thanks = Bedankt voor je beoordeling.
widget-rating-not-saved = Je beoordeling is niet opgeslagen: { $reason }
