import * as v from 'valibot';
import { plainText } from '../form-text';
import { PASSWORD_MAX_LENGTH, passwordProblem } from './password';

const email = v.pipe(
	v.string('Enter your email address.'),
	v.trim(),
	plainText(),
	v.nonEmpty('Enter your email address.'),
	v.maxLength(254, 'That email address is too long.'),
	v.email('Enter an email address like name@example.org.')
);

type SignupInput = { name: string; email: string; password: string };
const isStrongEnough = ({ name, email, password }: SignupInput) => passwordProblem(password, { name, email }) === null;

/** The password is judged together with the name and email: passwords built on them are guessable. */
export const signupSchema = v.pipe(
	v.object({
		name: v.pipe(
			v.string('Enter your name.'),
			v.trim(),
			plainText(),
			v.nonEmpty('Enter your name.'),
			v.maxLength(100, 'Use at most 100 characters.')
		),
		email,
		password: v.pipe(v.string('Choose a password.'), v.nonEmpty('Choose a password.'), v.maxLength(PASSWORD_MAX_LENGTH))
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
	password: v.pipe(v.string('Enter your password.'), v.nonEmpty('Enter your password.'), v.maxLength(PASSWORD_MAX_LENGTH))
});
