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
handback = Hei taas, tässä tekoälyavustaja. Voinko auttaa vielä jossakin?

choose-order = Mitä ostosta tarkoitat?
order-choice = { $merchant } · { $amount } · { $date }
no-orders = En löydä tililtäsi yhtään ostosta.
no-matching-orders = Mitään ostoksistasi ei voi juuri nyt käyttää siihen.

order-status = Kaupan { $merchant } ostoksesi ({ $item }, { $amount }) tehtiin { $date }. { $state }
state-active-shipped = Se lähetettiin { $shipped }, ja maksusuunnitelma on käynnissä.
state-active-unshipped = Kauppa ei ole vielä merkinnyt sitä lähetetyksi.
state-paid-off = Se on maksettu kokonaan.
state-refunded = Se on hyvitetty kokonaan.
state-cancelled = Se on peruttu.
state-paused-return = Maksut on keskeytetty palautuksen vuoksi { $until } asti.
state-paused-dispute = Maksut on keskeytetty, kun selvitämme ilmoittamaasi ongelmaa.

next-payment = Kaupan { $merchant } ostoksesi seuraava maksu on { $amount }, ja sen eräpäivä on { $date }.
next-payment-none = Kaupan { $merchant } ostoksestasi ei ole enää maksuja jäljellä.
balance-remaining = Kaupan { $merchant } ostoksestasi on vielä maksamatta { $amount }. Maksuja jäljellä: { $count }.

pay-now-confirm = Maksanko nyt kaupan { $merchant } ostoksesi erän { $seq } ({ $amount }) tallennetulla kortillasi? (Eräpäivä on { $date }.)
pay-now-done = Valmis – kaupan { $merchant } ostoksesta on maksettu { $amount }.
pay-off-confirm = Jos maksat kaupan { $merchant } ostoksen kokonaan tänään, summa on { $amount }. { $saved } Jatketaanko?
pay-off-saved = Säästät näin { $saved } koroissa.
pay-off-done = Valmis – kaupan { $merchant } ostos on maksettu kokonaan.
move-date-confirm = Voin siirtää kaupan { $merchant } ostoksesi maksun ({ $amount }) päivältä { $from } päivälle { $to }. Siirränkö sen?
move-date-done = Valmis – maksusi eräpäivä on nyt { $date }.
move-date-not-possible = En voi siirtää sitä maksua: { $reason }
move-date-limit = maksun voi siirtää kerran, enintään { $days } päivää, eikä koskaan seuraavan maksun eräpäivän yli.

refund-status-some = Kaupan { $merchant } ostoksesta sinulle on tähän mennessä hyvitetty { $refunded }.{ $paid_back }
refund-paid-back = { " " }Siitä { $amount } on maksettu takaisin kortillesi.
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
late-fee-none = Sinulla ei ole myöhästymismaksuja.
late-fee-no-waiver = En voi poistaa tätä maksua, koska kertaluonteinen poisto on jo käytetty. Voin yhdistää sinut asiakaspalvelijalle, jos haluat.

payment-failed = Kaupan { $merchant } ostoksesi maksu { $amount }, eräpäivä { $date }, ei mennyt läpi. Päivitä korttisi tämän suojatun linkin kautta: { $link } – sitten voin yrittää maksua uudelleen.
payment-failed-none = En näe tililläsi epäonnistuneita maksuja.
update-payment-method = Turvallisuutesi vuoksi en koskaan ota vastaan kortinnumeroita chatissa. Päivitä korttisi tämän suojatun linkin kautta: { $link }
interest-cost = { $merchant }: { $plan }, todellinen vuosikorko { $apr } (nimelliskorko { $nominal }), luoton kokonaiskustannukset { $cost }, maksettava yhteensä { $total }.
plan-pay-in-4 = maksa 4 erässä
plan-pay-in-30 = maksa 30 päivän kuluttua
plan-financing = rahoitus { $months } kuukaudelle

account-close-ok = Sinulla ei ole avoimia maksuja, joten tilisi voidaan sulkea. Asiakaspalvelija vahvistaa sulkemisen kanssasi.
account-close-outstanding = Sinulla on vielä { $amount } maksamatta, joten tiliä ei voi vielä sulkea. Kun kaikki on maksettu, sen voi sulkea.
personal-details = Voit muuttaa osoitettasi, sähköpostiasi tai puhelinnumeroasi turvallisesti täällä: { $link }
out-of-scope = Tässä en valitettavasti voi auttaa – autan ostoksiin ja maksuihin liittyvissä asioissa. Haluatko, että yhdistän sinut asiakaspalvelijalle?
how-it-works-none = Minulla ei ole siitä artikkelia. Haluatko, että yhdistän sinut asiakaspalvelijalle?

confirm-expired = Vahvistus on vanhentunut, joten en tehnyt mitään. Aloitetaan alusta.
confirm-declined = Selvä, en tee mitään.
action-failed = En pystynyt tekemään sitä: { $reason }
complaint-registered = Olen kirjannut valituksesi viitteellä { $reference }. Asiakaspalvelija on sinuun yhteydessä.
quick-yes = Kyllä
quick-no = Ei
slow-down = Lähetät viestejä todella nopeasti. Odota hetki ja yritä sitten uudelleen.
