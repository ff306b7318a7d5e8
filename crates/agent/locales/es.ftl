# fairdesk assistant replies — Spanish (tuteo). Same message ids as en.ftl.
# Variables arrive pre-formatted ($amount, $date are locale-correct strings computed from the ledger).

welcome = ¡Hola, { $name }! Soy el asistente virtual de fairdesk, una IA, no una persona. Puedo ayudarte con pagos, reembolsos, devoluciones y tus planes de pago. Escribe «humano» o «human» en cualquier momento y te atenderá una persona.
greeting = ¡Hola! ¿En qué puedo ayudarte hoy con tus compras o pagos?
thanks-goodbye = ¡De nada! Que tengas un buen día.
not-understood = Lo siento, no lo he entendido. ¿Puedes decirlo de otra forma? También puedes escribir «humano» o «human» para hablar con una persona.
message-too-long = Ese mensaje es demasiado largo para mí (máximo { $max } caracteres). ¿Puedes acortarlo?
sensitive-masked = Por tu seguridad, he ocultado el número de tarjeta o de documento de identidad que escribiste. No compartas nunca números de tarjeta ni de documentos de identidad en el chat.

handoff-queued = Te estoy poniendo en contacto con una persona. Eres el número { $position } en la cola, y podrá ver toda nuestra conversación.
handoff-already = Ya estás en la cola para hablar con una persona (número { $position }). Te atenderán lo antes posible.
handoff-ack-hardship = Siento mucho que estés pasando por esto, y gracias por contárnoslo. Una persona revisará contigo qué opciones hay.
handoff-ack-fraud = Entiendo que esto te preocupe. Una persona de nuestro equipo de fraude lo revisará ahora mismo.
fraud-purchase = Se trata de tu compra en { $merchant } de { $amount } del { $date }.
handoff-ack-complaint = Siento que te hayamos fallado. Una persona se encargará de tu reclamación.
handoff-ack-frustration = Siento que todo esto haya sido tan frustrante.
handback = Hola de nuevo, soy el asistente de IA. ¿Puedo ayudarte con algo más?

choose-order = ¿A qué compra te refieres: { $orders }?
choice-or = o
order-choice = { $merchant } · { $amount } · { $date }
no-orders = No encuentro ninguna compra en tu cuenta.
no-matching-orders = Ahora mismo ninguna de tus compras se puede usar para eso.

order-status = Tu compra en { $merchant } ({ $item }, { $amount }) se realizó el { $date }. { $state }
state-active-shipped = Se envió el { $shipped } y el plan de pago está en curso.
state-active-unshipped = La tienda aún no la ha marcado como enviada.
shipment-tracking = El envío lo gestiona { $carrier }, con número de seguimiento { $tracking }.
shipment-carrier = El envío lo gestiona { $carrier }.
shipment-delivered = Se entregó el { $date }.
shipment-on-its-way = Todavía no consta la entrega.
state-paid-off = Está totalmente pagada.
state-refunded = Se ha reembolsado por completo.
state-cancelled = Se ha cancelado.
state-paused-return = Los pagos están en pausa por una devolución hasta el { $until }.
state-paused-dispute = Los pagos están en pausa mientras revisamos el problema que nos indicaste.

next-payment = El próximo pago de tu compra en { $merchant } es de { $amount } y vence el { $date }.
next-payment-overdue = El pago de { $amount } de tu compra en { $merchant } venció el { $date } y está atrasado.
next-payment-others = Después tienes también pagos de otras compras (número de compras: { $count }).
next-payment-nothing = No te quedan pagos pendientes.
next-payment-none = No te quedan pagos pendientes de tu compra en { $merchant }.
balance-remaining = Te quedan { $amount } por pagar de tu compra en { $merchant }. Pagos pendientes: { $count }.
balance-total = En total te quedan { $amount } por pagar. Compras con pagos pendientes: { $count }.
balance-nothing = No te queda nada por pagar.
balance-next = Tu próximo pago es de { $amount } por tu compra en { $merchant } y vence el { $date }.
balance-next-overdue = El pago de { $amount } de tu compra en { $merchant } venció el { $date } y está atrasado.

pay-now-confirm = ¿Pago ahora el plazo { $seq } de { $amount } de tu compra en { $merchant } con tu tarjeta guardada? (Vence el { $date }.)
pay-now-done = Listo, ya has pagado { $amount } de tu compra en { $merchant }.
pay-off-confirm = Liquidar hoy tu compra en { $merchant } te cuesta { $amount }. { $saved } ¿Sigo adelante?
pay-off-saved = Así te ahorras { $saved } en intereses.
pay-off-done = Listo, tu compra en { $merchant } está totalmente pagada.
move-date-confirm = Puedo cambiar tu pago de { $amount } de tu compra en { $merchant } del { $from } al { $to }. ¿Lo hago?
move-date-done = Listo, ahora tu pago vence el { $date }.
move-date-not-possible = No puedo cambiar la fecha de ese pago de tu compra en { $merchant }: { $reason }
move-date-limit = un pago solo se puede cambiar de fecha una vez, como máximo { $days } días, y nunca más allá de la fecha del siguiente pago.
move-date-last = es el último pago del plan (vence el { $date }), y la última fecha de un plan no se puede cambiar.
move-date-moved-once = ya se cambió de fecha una vez (ahora vence el { $date }), y cada pago solo se puede cambiar de fecha una vez.
move-date-latest-confirm = La fecha más tardía a la que puedo cambiar tu pago de { $amount } es el { $to } (ahora vence el { $from }). ¿Lo cambio al { $to }?
move-date-person = Si necesitas más tiempo, una persona puede revisarlo contigo. ¿Quieres que te ponga en contacto con una persona?

refund-status-some = Por tu compra en { $merchant } te hemos reembolsado { $refunded } hasta ahora.{ $paid_back }
refund-paid-back = { " " }De ese importe, te hemos devuelto { $amount } a tu tarjeta.
refund-date = El último reembolso se hizo el { $date }.
refund-still-owed = Todavía debes { $owed } de esta compra (pagos pendientes: { $count }).
refund-nothing-owed = Ya no debes nada de esta compra.
refund-status-none = Todavía no hay ningún reembolso de tu compra en { $merchant }. Si devolviste el artículo, el reembolso llegará en cuanto la tienda confirme que lo ha recibido.
refund-return-pending = Tu devolución a { $merchant } está registrada (iniciada el { $date }); los pagos están en pausa hasta el { $until } mientras la tienda recibe el artículo.

return-confirm = ¿Registro una devolución para { $merchant }? Tus pagos quedarán en pausa hasta { $days } días mientras la tienda recibe el artículo.
return-done = Tu devolución está registrada. Envía el artículo a { $merchant }; cuando la tienda confirme la recepción, el reembolso reducirá lo que debes. Los pagos están en pausa hasta el { $until }.
problem-confirm = Lo siento mucho. ¿Abro un caso con { $merchant } y pongo en pausa tus pagos mientras lo revisamos?
problem-done = He abierto un caso con { $merchant } y he puesto en pausa tus pagos. Te contactaremos; mientras el caso esté abierto, no se cobrarán recargos por retraso.
cancel-confirm = ¿Cancelo tu compra de { $amount } en { $merchant }?
cancel-done = Listo, tu compra en { $merchant } está cancelada y no debes nada por ella.
cancel-not-possible = Ya se ha cobrado un pago de tu compra en { $merchant }, así que ya no se puede cancelar, pero puedes devolverla. ¿Registro una devolución?

late-fee-explain = Se ha añadido un recargo por retraso de { $fee } a tu pago de la compra en { $merchant } con vencimiento el { $date }, porque seguía sin pagarse { $grace } días después de la fecha de vencimiento.
late-fee-waive-confirm = Como gesto de buena voluntad, y por una sola vez, puedo quitarte ese recargo de { $fee }. ¿Lo hago?
late-fee-waived = Listo, se ha eliminado el recargo de { $fee }.
late-fee-was-paid = Ese recargo ya está pagado, así que no tienes que pagar nada más por él.
late-fee-refund-confirm = Ese recargo se pagó junto con el plazo. Como gesto de buena voluntad, y por una sola vez, puedo anularlo y devolverte los { $fee }. ¿Lo hago?
late-fee-was-waived = Ese recargo se eliminó, así que no lo debes.
late-fee-none = No tienes recargos por retraso.
late-fee-no-waiver = No puedo eliminar este recargo: ya se ha usado la anulación única. Si quieres, te pongo en contacto con una persona.

payment-failed = Tu pago de { $amount } de tu compra en { $merchant } con vencimiento el { $date } no se ha podido completar. Actualiza tu tarjeta en este enlace seguro: { $link } y después podré volver a intentar el pago.
decline-card-expired = El motivo es que tu tarjeta guardada ha caducado.
decline-insufficient-funds = El motivo es que el banco lo rechazó por fondos insuficientes.
decline-card-blocked = El motivo es que la tarjeta está bloqueada.
decline-bank-declined = El motivo es que tu banco rechazó el pago.
payment-failed-retry = El cobro automático se volverá a intentar el { $date }.
payment-failed-none = No veo ningún pago fallido en tu cuenta.
update-payment-method = Por tu seguridad, nunca acepto números de tarjeta en el chat. Actualiza tu tarjeta en este enlace seguro: { $link }
interest-cost = { $merchant }: { $plan }, TAE { $apr } (TIN { $nominal }), coste total del crédito { $cost }, importe total a pagar { $total }.
interest-schedule = Son pagos de { $amount } cada uno (número de pagos: { $count }), el primero con vencimiento el { $first }.
plan-pay-in-4 = paga en 4 plazos
plan-pay-in-30 = paga en 30 días
plan-financing = financiación en { $months } meses

account-close-confirm = No tienes nada pendiente, así que tu cuenta se puede cerrar. ¿La cierro ahora? Después ya no podrás hacer compras con ella.
account-close-done = Hecho: tu cuenta está cerrada y esta conversación también queda cerrada. Gracias por haber confiado en nosotros.
account-close-already = Tu cuenta ya está cerrada.
account-close-outstanding = Todavía tienes { $amount } pendientes, así que aún no se puede cerrar la cuenta. Cuando esté todo pagado, se podrá cerrar.
personal-details = Puedes cambiar tu dirección, correo electrónico o teléfono de forma segura aquí: { $link }
contact-email = El correo electrónico que tenemos registrado es { $email }.
contact-phone = El número de teléfono que tenemos registrado termina en { $phone }.
contact-none = No tengo registrado ningún correo electrónico ni número de teléfono tuyo.
out-of-scope = Con eso no puedo ayudarte: estoy aquí para tus compras y pagos. ¿Quieres que te ponga en contacto con una persona?
out-of-scope-part = Con una parte de tu mensaje no puedo ayudarte: estoy aquí para tus compras y pagos. En cuanto a lo demás:
quick-next-payment = Mi próximo pago
quick-order-status = ¿Dónde está mi pedido?
quick-person = Hablar con una persona
only-own-purchases = Solo puedo ayudarte con tus propias compras y tu propia cuenta, no con las de otra persona. Si se trata de algo tuyo, te ayudo con mucho gusto.
no-role-play = No puedo cambiar mi forma de funcionar ni hacer otro papel, y mis normas siguen siendo las mismas. Pero con tus compras te ayudo con mucho gusto.
no-special-powers = No puedo dar permisos especiales a nadie en este chat, diga quien diga que es. Con tus propias compras puedo ayudarte como siempre.
how-it-works-none = No tengo ningún artículo sobre eso. ¿Quieres que te ponga en contacto con una persona?

confirm-expired = Esa confirmación ha caducado, así que no he hecho nada. Empecemos de nuevo.
confirm-declined = De acuerdo, no haré nada.
confirm-unclear = Solo para asegurarme: ¿lo hago? Responde sí o no.
two-errands-later = Justo después me ocupo de tu otra pregunta.
action-failed = No he podido hacerlo: { $reason }
complaint-registered = He registrado tu reclamación con la referencia { $reference }. Una persona se pondrá en contacto contigo.
quick-yes = Sí
quick-no = No
slow-down = Estás enviando mensajes muy rápido. Espera un momento y vuelve a intentarlo.

person-joined = { $name } (una persona) se ha unido al chat.
person-closed = { $name } ha cerrado la conversación. Gracias por contactarnos.
snippet-hello = Hola, soy { $name }. He leído tu conversación con el asistente y te ayudo a partir de aquí.
snippet-checking = Gracias. Dame un momento mientras lo reviso.
snippet-anything-else = ¿Hay algo más en lo que pueda ayudarte?

# The chat widget's own words (issue 12): labels, buttons, status lines, the rating. $position and
# $reason are filled in by the server; $minutes is a number (plural forms); $name is the person's name.
widget-page-title = Chat de atención al cliente
widget-launcher = Chatea con nosotros
widget-title = Atención al cliente
widget-disclosure = Estás hablando con un asistente de IA, no con una persona. Una persona te atiende en cuanto lo pidas.
widget-person = Hablar con una persona
widget-close = Cerrar el chat
widget-language = Idioma
widget-language-change = Cambiar
widget-conversation = Conversación
widget-suggested = Respuestas sugeridas
widget-message = Tu mensaje
widget-send = Enviar
widget-you = Tú
widget-bot = Asistente de IA
widget-agent = Persona
widget-typing = { $name } está escribiendo…
widget-typing-person = Una persona está escribiendo…
widget-queued = Esperando a una persona: eres el número { $position } en la cola.
widget-queued-unknown = Esperando a una persona.
widget-wait = { $minutes ->
    [one] Espera estimada: alrededor de un minuto.
   *[other] Espera estimada: unos { $minutes } minutos.
}
widget-wait-unknown = Espera estimada: unos pocos minutos.
widget-human = Una persona te está atendiendo.
widget-closed = Esta conversación está cerrada.
widget-not-sent = No enviado: { $reason }
widget-not-started = No se pudo iniciar el chat: { $reason }
widget-rating-title = ¿Qué tal lo hicimos?
widget-rating-scale = 1 es muy insatisfecho, 5 es muy satisfecho.
widget-rating-1 = muy insatisfecho
widget-rating-2 = insatisfecho
widget-rating-3 = ni satisfecho ni insatisfecho
widget-rating-4 = satisfecho
widget-rating-5 = muy satisfecho
widget-rating-thanks = Gracias por tu valoración.
widget-rating-not-saved = Tu valoración no se guardó: { $reason }
