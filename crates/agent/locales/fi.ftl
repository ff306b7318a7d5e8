# fairdesk assistant replies — Finnish (sinä-muoto). Same message ids as en.ftl.
# Variables arrive pre-formatted ($amount, $date are locale-correct strings computed from the ledger).
# Merchant names cannot be inflected, so they follow a case-bearing noun: "kaupan { $merchant } ostos", "kauppaan { $merchant }".

welcome = Hei { $name }! Olen fairdeskin tekoälyavustaja – en ihminen. Voin auttaa sinua maksuissa, hyvityksissä, palautuksissa ja maksusuunnitelmissasi. Kirjoita milloin tahansa ”ihminen” tai ”human”, niin asiakaspalvelija jatkaa keskustelua.
greeting = Hei! Miten voin auttaa ostoksissasi tai maksuissasi tänään?
thanks-goodbye = Ole hyvä! Mukavaa päivänjatkoa.
not-understood = Anteeksi, en ymmärtänyt. Voisitko sanoa sen toisin? Voit myös kirjoittaa ”ihminen” tai ”human”, niin pääset juttelemaan asiakaspalvelijan kanssa.
message-too-long = Viestisi on minulle liian pitkä (enintään { $max } merkkiä). Voisitko lyhentää sitä?
sensitive-masked = Turvallisuutesi vuoksi piilotin kirjoittamasi kortinnumeron tai henkilötunnuksen. Älä koskaan jaa kortinnumeroita tai henkilötunnuksia chatissa.

handoff-queued = Yhdistän sinut nyt asiakaspalvelijalle. Olet jonossa numero { $position }, ja asiakaspalvelija näkee koko keskustelumme.
handoff-already = Olet jonossa asiakaspalvelijalle (numero { $position }). Sinua autetaan mahdollisimman pian.
handoff-ack-hardship = Olen pahoillani, että sinulla on vaikeaa, ja kiitos, että kerroit siitä meille. Asiakaspalvelija käy kanssasi läpi, mitkä vaihtoehdot ovat mahdollisia.
handoff-ack-fraud = Ymmärrän, että tämä huolestuttaa. Petostentorjuntatiimimme asiakaspalvelija selvittää asian heti.
fraud-purchase = Kyse on ostoksestasi kaupasta { $merchant }: { $amount }, { $date }.
handoff-ack-complaint = Olen pahoillani, että petimme odotuksesi. Asiakaspalvelija käsittelee valituksesi.
handoff-ack-frustration = Olen pahoillani, että tämä on ollut niin turhauttavaa.
handback = Hei taas, tässä tekoälyavustaja. Voinko auttaa vielä jossakin?

choose-order = Mitä ostosta tarkoitat: { $orders }?
choice-or = vai
order-choice = { $merchant } · { $amount } · { $date }
no-orders = En löydä tililtäsi yhtään ostosta.
no-matching-orders = Mitään ostoksistasi ei voi juuri nyt käyttää siihen.

order-status = Kaupan { $merchant } ostoksesi ({ $item }, { $amount }) tehtiin { $date }. { $state }
state-active-shipped = Se lähetettiin { $shipped }, ja maksusuunnitelma on käynnissä.
state-active-unshipped = Kauppa ei ole vielä merkinnyt sitä lähetetyksi.
shipment-tracking = Toimituksen hoitaa { $carrier }, ja seurantanumero on { $tracking }.
shipment-carrier = Toimituksen hoitaa { $carrier }.
shipment-delivered = Se toimitettiin perille { $date }.
shipment-on-its-way = Sitä ei ole vielä merkitty toimitetuksi.
state-paid-off = Se on maksettu kokonaan.
state-refunded = Se on hyvitetty kokonaan.
state-cancelled = Se on peruttu.
state-paused-return = Maksut on keskeytetty palautuksen vuoksi { $until } asti.
state-paused-dispute = Maksut on keskeytetty, kun selvitämme ilmoittamaasi ongelmaa.

next-payment = Kaupan { $merchant } ostoksesi seuraava maksu on { $amount }, ja sen eräpäivä on { $date }.
next-payment-overdue = Kaupan { $merchant } ostoksesi maksu { $amount } erääntyi { $date }, ja se on myöhässä.
next-payment-others = Sen jälkeen sinulla on maksuja vielä { $count } muusta ostoksesta.
next-payment-nothing = Sinulla ei ole enää maksuja jäljellä.
next-payment-none = Kaupan { $merchant } ostoksestasi ei ole enää maksuja jäljellä.
balance-remaining = Kaupan { $merchant } ostoksestasi on vielä maksamatta { $amount }. Maksuja jäljellä: { $count }.
balance-total = Sinulla on yhteensä { $amount } maksamatta { $count } ostoksesta.
balance-nothing = Sinulla ei ole mitään maksettavaa.
balance-next = Seuraava maksusi on { $amount } kaupan { $merchant } ostoksesta, ja sen eräpäivä on { $date }.
balance-next-overdue = Kaupan { $merchant } ostoksesi maksu { $amount } erääntyi { $date }, ja se on myöhässä.

pay-now-confirm = Maksanko nyt kaupan { $merchant } ostoksesi erän { $seq } ({ $amount }) tallennetulla kortillasi? (Eräpäivä on { $date }.)
pay-now-done = Valmis – kaupan { $merchant } ostoksesta on maksettu { $amount }.
pay-off-confirm = Jos maksat kaupan { $merchant } ostoksen kokonaan tänään, summa on { $amount }. { $saved } Jatketaanko?
pay-off-saved = Säästät näin { $saved } koroissa.
pay-off-done = Valmis – kaupan { $merchant } ostos on maksettu kokonaan.
move-date-confirm = Voin siirtää kaupan { $merchant } ostoksesi maksun ({ $amount }) päivältä { $from } päivälle { $to }. Siirränkö sen?
move-date-done = Valmis – maksusi eräpäivä on nyt { $date }.
move-date-not-possible = En voi siirtää kaupan { $merchant } ostoksesi maksua: { $reason }
move-date-limit = maksun voi siirtää kerran, enintään { $days } päivää, eikä koskaan seuraavan maksun eräpäivän yli.
move-date-last = se on maksusuunnitelman viimeinen maksu (eräpäivä { $date }), eikä suunnitelman viimeistä eräpäivää voi siirtää.
move-date-moved-once = sitä on jo siirretty kerran (eräpäivä on nyt { $date }), ja kunkin maksun voi siirtää vain kerran.
move-date-latest-confirm = Myöhäisin päivä, jolle voin siirtää maksusi ({ $amount }), on { $to } (nykyinen eräpäivä { $from }). Siirränkö sen päivälle { $to }?
move-date-person = Jos tarvitset enemmän aikaa, asiakaspalvelija voi käydä asian läpi kanssasi. Haluatko, että yhdistän sinut asiakaspalvelijalle?

refund-status-some = Kaupan { $merchant } ostoksesta sinulle on tähän mennessä hyvitetty { $refunded }.{ $paid_back }
refund-paid-back = { " " }Siitä { $amount } on maksettu takaisin kortillesi.
refund-date = Viimeisin hyvitys tehtiin { $date }.
refund-still-owed = Ostoksesta on vielä maksamatta { $owed } (maksuja jäljellä: { $count }).
refund-nothing-owed = Ostoksesta ei ole enää mitään maksettavaa.
refund-status-none = Kaupan { $merchant } ostoksesta ei ole vielä hyvitystä. Jos palautit tuotteen, hyvitys tulee, kun kauppa vahvistaa vastaanottaneensa sen.
refund-return-pending = Palautuksesi kauppaan { $merchant } on rekisteröity (aloitettu { $date }). Maksut on keskeytetty { $until } asti, kun kauppa vastaanottaa tuotteen.

return-confirm = Rekisteröinkö palautuksen kauppaan { $merchant }? Maksusi keskeytetään enintään { $days } päiväksi, kun kauppa vastaanottaa tuotteen.
return-done = Palautuksesi on rekisteröity. Lähetä tuote takaisin kauppaan { $merchant }. Kun kauppa vahvistaa vastaanoton, hyvitys pienentää maksettavaasi. Maksut on keskeytetty { $until } asti.
problem-confirm = Ikävä kuulla. Avaanko selvityksen kaupan { $merchant } kanssa ja keskeytänkö maksusi siksi aikaa, kun selvitämme asiaa?
problem-done = Avasin selvityksen kaupan { $merchant } kanssa ja keskeytin maksusi. Palaamme asiaan, eikä myöhästymismaksuja peritä, kun selvitys on kesken.
cancel-confirm = Perunko kaupan { $merchant } ostoksesi ({ $amount })?
cancel-done = Valmis – kaupan { $merchant } ostos on peruttu, etkä ole siitä mitään velkaa.
cancel-not-possible = Kaupan { $merchant } ostoksesta on jo veloitettu maksu, joten sitä ei voi enää perua – mutta voit palauttaa sen. Rekisteröinkö palautuksen?

late-fee-explain = Kaupan { $merchant } ostoksesi maksuun, jonka eräpäivä oli { $date }, lisättiin myöhästymismaksu { $fee }, koska maksu oli yhä maksamatta { $grace } päivää eräpäivän jälkeen.
late-fee-waive-confirm = Voin kertaluonteisena hyvän tahdon eleenä poistaa tämän myöhästymismaksun ({ $fee }). Poistanko sen?
late-fee-waived = Valmis – myöhästymismaksu ({ $fee }) on poistettu.
late-fee-was-paid = Tämä maksu on jo maksettu, joten sinulla ei ole siitä enää mitään maksettavaa.
late-fee-refund-confirm = Maksu maksettiin erän mukana. Voin kertaluonteisena hyvän tahdon eleenä poistaa sen ja maksaa { $fee } takaisin sinulle. Teenkö niin?
late-fee-was-waived = Tämä maksu on poistettu, joten sinun ei tarvitse maksaa sitä.
late-fee-none = Sinulla ei ole myöhästymismaksuja.
late-fee-no-waiver = En voi poistaa tätä maksua, koska kertaluonteinen poisto on jo käytetty. Voin yhdistää sinut asiakaspalvelijalle, jos haluat.

payment-failed = Kaupan { $merchant } ostoksesi maksu { $amount }, eräpäivä { $date }, ei mennyt läpi. Päivitä korttisi tämän suojatun linkin kautta: { $link } – sitten voin yrittää maksua uudelleen.
decline-card-expired = Syynä on, että tallennettu korttisi on vanhentunut.
decline-insufficient-funds = Syynä on, että pankki hylkäsi maksun riittämättömän katteen vuoksi.
decline-card-blocked = Syynä on, että kortti on suljettu.
decline-bank-declined = Syynä on, että pankkisi hylkäsi maksun.
payment-failed-retry = Yritämme veloittaa maksun automaattisesti uudelleen { $date }.
payment-failed-none = En näe tililläsi epäonnistuneita maksuja.
update-payment-method = Turvallisuutesi vuoksi en koskaan ota vastaan kortinnumeroita chatissa. Päivitä korttisi tämän suojatun linkin kautta: { $link }
interest-cost = { $merchant }: { $plan }, todellinen vuosikorko { $apr } (nimelliskorko { $nominal }), luoton kokonaiskustannukset { $cost }, maksettava yhteensä { $total }.
interest-schedule = Maksuerän suuruus on { $amount } (eriä: { $count }), ja ensimmäisen erän eräpäivä on { $first }.
plan-pay-in-4 = maksa 4 erässä
plan-pay-in-30 = maksa 30 päivän kuluttua
plan-financing = rahoitus { $months } kuukaudelle

account-close-confirm = Sinulla ei ole avoimia maksuja, joten tilisi voidaan sulkea. Suljenko sen nyt? Sen jälkeen sillä ei voi enää tehdä ostoksia.
account-close-done = Valmis – tilisi on suljettu, ja tämä keskustelu on myös suljettu. Kiitos, että olit asiakkaanamme.
account-close-already = Tilisi on jo suljettu.
account-close-outstanding = Sinulla on vielä { $amount } maksamatta, joten tiliä ei voi vielä sulkea. Kun kaikki on maksettu, sen voi sulkea.
personal-details = Voit muuttaa osoitettasi, sähköpostiasi tai puhelinnumeroasi turvallisesti täällä: { $link }
contact-email = Tiedoissamme oleva sähköpostiosoite on { $email }.
contact-phone = Tiedoissamme oleva puhelinnumero päättyy numeroihin { $phone }.
contact-none = Tiedoissasi ei ole sähköpostiosoitetta eikä puhelinnumeroa.
out-of-scope = Tässä en valitettavasti voi auttaa – autan ostoksiin ja maksuihin liittyvissä asioissa. Haluatko, että yhdistän sinut asiakaspalvelijalle?
out-of-scope-part = Osassa viestiäsi en valitettavasti voi auttaa – autan ostoksissasi ja maksuissasi. Muuten:
quick-next-payment = Seuraava maksuni
quick-order-status = Missä tilaukseni on?
quick-person = Yhteys asiakaspalvelijaan
only-own-purchases = Voin auttaa vain omiin ostoksiisi ja omaan tiliisi liittyvissä asioissa – en kenenkään muun. Jos asia koskee jotakin omaasi, autan mielelläni.
no-role-play = En voi muuttaa toimintatapaani tai esittää toista roolia, ja sääntöni pysyvät samoina. Autan kuitenkin mielelläni ostoksissasi.
no-special-powers = En voi antaa kenellekään erityisoikeuksia tässä chatissa, sanoipa hän olevansa kuka tahansa. Voin auttaa omissa ostoksissasi tavalliseen tapaan.
how-it-works-none = Minulla ei ole siitä artikkelia. Haluatko, että yhdistän sinut asiakaspalvelijalle?

confirm-expired = Vahvistus on vanhentunut, joten en tehnyt mitään. Aloitetaan alusta.
confirm-declined = Selvä, en tee mitään.
confirm-unclear = Varmistan vielä: teenkö sen? Vastaa kyllä tai ei.
two-errands-later = Palaan toiseen kysymykseesi heti tämän jälkeen.
action-failed = En pystynyt tekemään sitä: { $reason }
complaint-registered = Olen kirjannut valituksesi viitteellä { $reference }. Asiakaspalvelija on sinuun yhteydessä.
quick-yes = Kyllä
quick-no = Ei
slow-down = Lähetät viestejä todella nopeasti. Odota hetki ja yritä sitten uudelleen.

person-joined = { $name } (ihminen) liittyi keskusteluun.
person-closed = { $name } on päättänyt keskustelun. Kiitos yhteydenotostasi.
snippet-hello = Hei, olen { $name }. Luin keskustelusi avustajan kanssa ja autan sinua tästä eteenpäin.
snippet-checking = Kiitos. Hetkinen, selvitän asiaa.
snippet-anything-else = Voinko auttaa jossain muussa?

# The chat widget's own words (issue 12): labels, buttons, status lines, the rating. $position and
# $reason are filled in by the server; $minutes is a number (plural forms); $name is the person's name.
widget-page-title = Asiakaspalvelun chat
widget-launcher = Chattaa kanssamme
widget-title = Asiakaspalvelu
widget-disclosure = Keskustelet tekoälyavustajan, et ihmisen, kanssa. Ihminen jatkaa aina, kun pyydät.
widget-person = Yhteys asiakaspalvelijaan
widget-close = Sulje chat
widget-language = Kieli
widget-language-change = Vaihda
widget-conversation = Keskustelu
widget-suggested = Vastausehdotukset
widget-message = Viestisi
widget-send = Lähetä
widget-you = Sinä
widget-bot = Tekoälyavustaja
widget-agent = Asiakaspalvelija
widget-typing = { $name } kirjoittaa…
widget-typing-person = Asiakaspalvelija kirjoittaa…
widget-queued = Odotat asiakaspalvelijaa: olet jonossa numero { $position }.
widget-queued-unknown = Odotat asiakaspalvelijaa.
widget-wait = { $minutes ->
    [one] Arvioitu odotusaika: noin minuutti.
   *[other] Arvioitu odotusaika: noin { $minutes } minuuttia.
}
widget-wait-unknown = Arvioitu odotusaika: muutama minuutti.
widget-human = Asiakaspalvelija on nyt kanssasi.
widget-closed = Tämä keskustelu on päättynyt.
widget-not-sent = Ei lähetetty: { $reason }
widget-not-started = Chat ei käynnistynyt: { $reason }
widget-rating-title = Miten onnistuimme?
widget-rating-scale = 1 on erittäin tyytymätön, 5 on erittäin tyytyväinen.
widget-rating-1 = erittäin tyytymätön
widget-rating-2 = tyytymätön
widget-rating-3 = ei tyytyväinen eikä tyytymätön
widget-rating-4 = tyytyväinen
widget-rating-5 = erittäin tyytyväinen
widget-rating-thanks = Kiitos arviostasi.
widget-rating-not-saved = Arviotasi ei tallennettu: { $reason }
