import * as v from 'valibot';
import { plainText } from '../form-text';
import { PASSWORD_MAX_LENGTH, passwordProblem } from './password';
import { m } from '$lib/paraglide/messages';

// Messages are functions: valibot calls them when an issue arises, inside the request, so each person
// reads them in their own language (a string here would be fixed at import, in whatever language).

const email = v.pipe(
	v.string(() => m.auth_email_required()),
	v.trim(),
	plainText(),
	v.nonEmpty(() => m.auth_email_required()),
	v.maxLength(254, () => m.auth_email_too_long()),
	v.email(() => m.auth_email_invalid())
);

type SignupInput = { name: string; email: string; password: string };
const isStrongEnough = ({ name, email, password }: SignupInput) => passwordProblem(password, { name, email }) === null;

/** The password is judged together with the name and email: passwords built on them are guessable. */
export const signupSchema = v.pipe(
	v.object({
		name: v.pipe(
			v.string(() => m.auth_name_required()),
			v.trim(),
			plainText(),
			v.nonEmpty(() => m.auth_name_required()),
			v.maxLength(100, () => m.form_max_characters({ max: 100 }))
		),
		email,
		password: v.pipe(v.string(() => m.auth_password_required()), v.nonEmpty(() => m.auth_password_required()), v.maxLength(PASSWORD_MAX_LENGTH))
	}),
	v.forward(
		v.partialCheck([['name'], ['email'], ['password']], isStrongEnough, (issue) => {
			const { name, email, password } = issue.input as SignupInput;
			return passwordProblem(password, { name, email }) ?? '';
		}),
		['password']
	)
);

export const loginSchema = v.object({
	email,
	password: v.pipe(v.string(() => m.auth_password_enter()), v.nonEmpty(() => m.auth_password_enter()), v.maxLength(PASSWORD_MAX_LENGTH))
});
